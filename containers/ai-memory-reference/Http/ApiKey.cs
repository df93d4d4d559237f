using System.Security.Cryptography;
using System.Text;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Faults;

namespace AiMemory.Reference.Http;

/// <summary>
/// The optional API key of config.toml (contract §1.1): when set, every request but GET /api/v1/health needs it as the
/// X-API-Key header or the api_key query parameter, else 401. /metrics is not exempt.
/// </summary>
public static class ApiKey
{
    public const string Header = "X-API-Key";

    /// <summary>True when the request may proceed; otherwise the 401 has been written.</summary>
    public static async Task<bool> AdmitAsync(HttpContext ctx)
    {
        if (ConfigFile.ApiKey is not { } configured || ctx.Request.Path == "/api/v1/health") return true;
        // api_key_rejected replays a node that checks requests against a key other than the one its config names.
        var expected = FaultSwitches.Current.IsOn(FaultSwitches.ApiKeyRejected) ? configured + "-rotated" : configured;
        if (Matches(ctx.Request.Headers[Header], expected) || Matches(ctx.Request.Query["api_key"], expected)) return true;
        await Reply.Error(ctx, 401, "missing or invalid API key");
        return false;
    }

    // Constant time, as v0.6.0 compares, so the answer time says nothing about the key.
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues offered, string expected) =>
        offered.Any(o => o is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(o), Encoding.UTF8.GetBytes(expected)));
}
