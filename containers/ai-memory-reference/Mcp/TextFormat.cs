using System.Text;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// The result formats of recall, list, search and session_start: "toon_compact" (default) is a header line plus one
/// pipe-separated row per memory; "json" is pretty JSON. Anything else is a tool failure.
/// </summary>
public static class TextFormat
{
    private const int Preview = 200;

    public static bool WantsJson(ToolArgs args) => args.Str("format") switch
    {
        null or "toon_compact" or "toon" or "text" => false,
        "json" => true,
        var other => throw new ToolException($"invalid format '{other}' (expected toon_compact or json)"),
    };

    /// <summary>e.g. "count:2 mode:keyword" then "memories[2]{id|tier|namespace|title|priority|score|content}:" and rows.</summary>
    public static string Compact(string header, string key, IEnumerable<(Memory Memory, double? Score)> rows)
    {
        var list = rows.ToList();
        var text = new StringBuilder(header).Append('\n');
        var withScore = list.Any(r => r.Score is not null);
        text.Append($"{key}[{list.Count}]{{id|tier|namespace|title|priority{(withScore ? "|score" : "")}|content}}:");
        foreach (var (m, score) in list)
        {
            text.Append('\n').Append(m.Id).Append('|').Append(m.Tier).Append('|').Append(Cell(m.Namespace)).Append('|')
                .Append(Cell(m.Title)).Append('|').Append(m.Priority);
            if (withScore) text.Append('|').Append(score?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
            text.Append('|').Append(Cell(m.Content.Length > Preview ? m.Content[..Preview] + "…" : m.Content));
        }
        return text.ToString();
    }

    public static string Json(JsonObject node) => McpSession.Pretty(node);

    private static string Cell(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n").Replace("\t", " ");
}
