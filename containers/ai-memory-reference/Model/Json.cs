using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiMemory.Reference.Model;

public static class Json
{
    /// <summary>The source-generated contracts (WireTypes) under the wire options: pass Types.X to JsonSerializer.</summary>
    public static readonly WireTypes Types = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The same contracts, pretty: curator, migrate and backup manifests print multi-line JSON.</summary>
    public static readonly WireTypes PrettyTypes = new(new JsonSerializerOptions(Types.Options) { WriteIndented = true });

    /// <summary>snake_case, compact: the wire format of every HTTP body and every one-line CLI output.</summary>
    public static JsonSerializerOptions Wire => Types.Options;

    /// <summary>The same, pretty.</summary>
    public static JsonSerializerOptions Pretty => PrettyTypes.Options;
}
