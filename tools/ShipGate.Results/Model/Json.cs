using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShipGate.Results.Model;

/// <summary>Tolerant reads from evidence JSON (snake_case) and the one writer format of every output file.</summary>
public static class J
{
    public static readonly JsonSerializerOptions Write = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(key, out node)) return null;
        }

        return node;
    }

    public static JsonArray Array(JsonNode? node, params string[] path) => At(node, path) as JsonArray ?? [];

    public static string? Str(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : At(node, path)?.ToJsonString();

    /// <summary>A finite number (or a number written as a string); NaN and infinities read as absent.</summary>
    public static double? Num(JsonNode? node, params string[] path) => RawNum(node, path) is { } d && double.IsFinite(d) ? d : null;

    /// <summary>A number as invariant text.</summary>
    public static string Text(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double? RawNum(JsonNode? node, string[] path)
    {
        if (At(node, path) is not JsonValue v) return null;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<string>(out var s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var p)) return p;
        return null;
    }

    public static int Int(JsonNode? node, params string[] path) => (int)(Num(node, path) ?? 0);

    public static bool? Bool(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    /// <summary>Milliseconds from seconds, rounded; null stays null.</summary>
    public static long? Ms(double? seconds) => seconds is { } s ? (long)Math.Round(s * 1000) : null;
}
