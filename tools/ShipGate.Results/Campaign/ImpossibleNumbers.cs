using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Numbers a phase record cannot hold. A number JSON can write but a double cannot (1e400) is bad input: nothing
/// built from it can be trusted or even written. A negative count or duration, or a ratio above 1, is a red reason.
/// Only fields whose meaning allows a sign (memory growth, an exit code, a clock's skew or offset) may be negative.
/// </summary>
public static class ImpossibleNumbers
{
    private static readonly string[] Signed = ["growth", "exit_code", "skew", "offset"];

    /// <summary>Ratios: at most 1 by definition.</summary>
    private static readonly HashSet<string> Ratios = new(StringComparer.Ordinal) { "convergence_bound" };

    /// <summary>Throws <see cref="ResultsInputException"/> at the first number that is not a finite double.</summary>
    public static void RequireFinite(JsonNode? node, string where)
    {
        foreach (var (path, value) in Numbers(node, where))
        {
            if (value is null) throw new ResultsInputException($"{path}: a number that is not a finite double");
        }
    }

    /// <summary>One reason per negative count or duration and per ratio above 1 or below 0.</summary>
    public static List<string> Reasons(JsonNode? record, string where)
    {
        var reasons = new List<string>();
        foreach (var (path, value) in Numbers(record, where))
        {
            var field = path[(path.LastIndexOf('.') + 1)..];
            if (value is not { } v) continue;
            if (Ratios.Contains(field) && v is < 0 or > 1) reasons.Add($"{path} is {J.Text(v)}: impossible for a ratio (0 to 1)");
            else if (v < 0 && !Signed.Any(s => field.Contains(s, StringComparison.Ordinal))) reasons.Add($"{path} is {J.Text(v)}: impossible below 0");
        }

        return reasons;
    }

    /// <summary>Every number under <paramref name="node"/> with its path; the value is null when it is not a finite double.</summary>
    private static IEnumerable<(string Path, double? Value)> Numbers(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    foreach (var n in Numbers(child, $"{path}.{key}")) yield return n;
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var n in Numbers(a[i], $"{path}[{i}]")) yield return n;
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                yield return (path, v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null);
                break;
        }
    }
}
