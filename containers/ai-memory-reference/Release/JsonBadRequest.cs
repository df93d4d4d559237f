using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiMemory.Reference.Http;

namespace AiMemory.Reference.Release;

/// <summary>
/// v0.7.0's JsonOrBadRequest extractor (src/handlers/transport.rs:1386-1447), which only POST /api/v1/memories uses
/// (src/handlers/http.rs:344): every rejection of the JSON body (syntax, shape, missing Content-Type, the body limit)
/// is a 400 `{"error", "fields"}` instead of axum's plain-text 400/413/415/422; `fields` names a missing required
/// field. Every other route answers as v0.6.0 did.
/// </summary>
public static partial class JsonBadRequest
{
    [GeneratedRegex("missing field `([A-Za-z0-9_-]+)`")]
    private static partial Regex MissingField();

    public static JsonObject Envelope(Rejection framework)
    {
        var fields = MissingField().Matches(framework.Message).Select(m => m.Groups[1].Value).Distinct().ToList();
        var error = fields.Count > 0 ? $"missing required field: {fields[0]}"
            : framework.Status == 415 ? "expected Content-Type: application/json"
            : framework.Message.StartsWith("Failed to parse the request body as JSON", StringComparison.Ordinal) ? "malformed JSON body"
            : "invalid request body";
        return new JsonObject { ["error"] = error, ["fields"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()) };
    }
}
