namespace AiMemory.Reference.Release;

/// <summary>
/// Which ai-memory release the node stands in for: AI_MEMORY_REFERENCE_VERSION = 0.6.0 (unset: the default) or 0.7.0.
/// Each place that behaves differently asks <see cref="IsV070"/> and cites the v0.7.0 source line it follows
/// (docs/node-contract.md §10 lists them). An unknown value fails every command at start, as an unknown fault switch does.
/// </summary>
public static class ReleaseVersion
{
    public const string EnvironmentVariable = "AI_MEMORY_REFERENCE_VERSION";
    public const string V060 = "0.6.0";
    public const string V070 = "0.7.0";

    private static readonly string[] Known = [V060, V070];

    /// <summary>The crate version `--version`, MCP serverInfo and the backup manifest print.</summary>
    public static string Current { get; } = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static bool IsV070 => Current == V070;

    public static string Parse(string? value) =>
        string.IsNullOrEmpty(value) ? V060
        : Known.Contains(value) ? value
        : throw new ArgumentException($"{EnvironmentVariable}: unknown version '{value}' (known: {string.Join(", ", Known)})");
}
