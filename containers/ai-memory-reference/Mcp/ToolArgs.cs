using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Mcp;

/// <summary>Typed access to tools/call arguments; a missing required or mistyped argument is a tool failure.</summary>
public sealed class ToolArgs(JsonObject args)
{
    public JsonObject Raw => args;

    public bool Has(string name) => args[name] is not null;

    public string? Str(string name) => args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new ToolException($"argument '{name}' must be a string"),
    };

    public string Required(string name) =>
        Str(name) is { Length: > 0 } s ? s : throw new ToolException($"missing required argument: {name}");

    public long? Long(string name) => args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var p) => p,
        _ => throw new ToolException($"argument '{name}' must be an integer"),
    };

    public int Int(string name, int fallback, int min, int max) => (int)Math.Clamp(Long(name) ?? fallback, min, max);

    public double? Double(string name) => args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => throw new ToolException($"argument '{name}' must be a number"),
    };

    public bool Bool(string name) => args[name] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw new ToolException($"argument '{name}' must be a boolean"),
    };

    /// <summary>An array of strings, or one comma-separated string.</summary>
    public List<string>? StrList(string name) => args[name] switch
    {
        null => null,
        JsonArray a => a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw new ToolException($"argument '{name}' must be an array of strings")).ToList(),
        JsonValue v when v.TryGetValue<string>(out var csv) => csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
        _ => throw new ToolException($"argument '{name}' must be an array of strings"),
    };

    public JsonObject? Object(string name) => args[name] switch
    {
        null => null,
        JsonObject o => (JsonObject)o.DeepClone(),
        _ => throw new ToolException($"argument '{name}' must be an object"),
    };

    public static ToolArgs From(JsonNode? node) => node switch
    {
        null => new ToolArgs(new JsonObject()),
        JsonObject o => new ToolArgs(o),
        _ => throw new JsonException("arguments must be an object"),
    };
}
