using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiMemory.Reference.Model;

public static class Json
{
    /// <summary>snake_case, compact: the wire format of every HTTP body and every one-line CLI output.</summary>
    public static readonly JsonSerializerOptions Wire = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same, pretty: curator, migrate and backup manifests print multi-line JSON.</summary>
    public static readonly JsonSerializerOptions Pretty = new(Wire) { WriteIndented = true };
}
