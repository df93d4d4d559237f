using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// The result text of recall, list, search and session_start, as both releases render it (v0.6.0 src/mcp.rs:2580-2612,
/// v0.7.0 src/mcp/mod.rs:1248-1283, the same src/toon.rs): the `format` argument, default `toon_compact`, picks TOON
/// (token-oriented: a `count:…|mode:…` line, a header naming the fields once, one pipe-separated row per memory) in its
/// compact or full field set; any other value, `json` included, is the pretty JSON every other tool answers.
/// </summary>
public static class TextFormat
{
    // src/toon.rs:15-43: the full field set, and the compact one that drops timestamps and lifts agent_id out of metadata.
    private static readonly string[] Fields =
        ["id", "title", "tier", "namespace", "priority", "confidence", "score", "access_count", "tags", "source", "created_at", "updated_at", "metadata"];
    private static readonly string[] CompactFields = ["id", "title", "tier", "namespace", "priority", "score", "tags", "agent_id"];
    private static readonly string[] MetaFields = ["count", "mode", "tokens_used", "budget_tokens"];

    public static string Render(ToolArgs args, JsonObject result) => args.Str("format") switch
    {
        null or "toon_compact" => Toon(result, compact: true),
        "toon" => Toon(result, compact: false),
        _ => Json(result),
    };

    public static string Json(JsonObject node) => McpSession.Pretty(node);

    /// <summary>src/toon.rs:59-150; a search's `results` stand in for `memories`.</summary>
    private static string Toon(JsonObject result, bool compact)
    {
        var fields = compact ? CompactFields : Fields;
        var text = new StringBuilder();
        var meta = MetaFields.Where(result.ContainsKey)
            .Select(k => $"{k}:{(result[k] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : result[k]?.ToJsonString())}")
            .ToList();
        if (meta.Count > 0) text.Append(string.Join('|', meta)).Append('\n');
        text.Append("memories[").Append(string.Join('|', fields)).Append("]:\n");
        foreach (var memory in ((result["memories"] ?? result["results"]) as JsonArray ?? []).OfType<JsonObject>())
        {
            text.Append(string.Join('|', fields.Select(f => Cell(f == "agent_id" ? memory["metadata"]?["agent_id"] : memory[f]))));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Cell(JsonNode? value) => value switch
    {
        JsonArray items => Escape(string.Join(',',
            items.OfType<JsonValue>().Where(i => i.GetValueKind() == JsonValueKind.String).Select(i => i.GetValue<string>()))),
        JsonObject o => o.Count == 0 ? "" : Escape(o.ToJsonString()),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Escape(v.GetValue<string>()),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            JsonValueKind.Null => "",
            _ => v.ToJsonString(),
        },
        _ => "",
    };

    private static string Escape(string s) => s.IndexOfAny(['|', '\n', '\r', '\\', ':']) < 0 ? s
        : s.Replace("\\", "\\\\").Replace("|", "\\|").Replace(":", "\\:").Replace("\n", "\\n").Replace("\r", "\\r");
}
