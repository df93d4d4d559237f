namespace AiMemory.Reference.Storage;

/// <summary>
/// Turns free text into an FTS5 MATCH expression the way v0.6.0 does (contract §1.10): split on whitespace,
/// drop bare AND/OR/NOT/NEAR, delete the FTS operator characters inside each token. Each surviving token is
/// quoted so punctuation FTS5 would reject (dots, slashes, quotes) becomes a phrase instead of a syntax error.
/// </summary>
internal static class FtsQuery
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };
    private static readonly char[] Deleted = ['"', '*', '^', '{', '}', '(', ')', ':', '|', '+', '-'];

    /// <summary>Tokens OR-ed (recall); null when no usable token is left, which matches nothing.</summary>
    public static string? AnyOf(string text) => Join(text, " OR ");

    /// <summary>Tokens AND-ed (search); null when no usable token is left.</summary>
    public static string? AllOf(string text) => Join(text, " AND ");

    public static IReadOnlyList<string> Tokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !Operators.Contains(t))
            .Select(t => new string(t.Where(c => !Deleted.Contains(c)).ToArray()))
            .Where(HasWordCharacter)
            .ToList();

    private static string? Join(string text, string op)
    {
        var tokens = Tokens(text);
        return tokens.Count == 0 ? null : string.Join(op, tokens.Select(t => "\"" + t + "\""));
    }

    // A token of pure punctuation would tokenise to nothing, and FTS5 rejects an empty phrase in some positions.
    private static bool HasWordCharacter(string token) => token.Any(char.IsLetterOrDigit);
}
