using AiMemory.Reference.Cli;

namespace AiMemory.Reference.Release;

/// <summary>
/// What v0.7.0 sends to peers beyond v0.6.0's bare POST/GET. A fan-out push (src/federation/sync.rs:77-102) carries
/// `Idempotency-Key: &lt;memory id&gt;`, `x-api-key` when config.toml sets `api_key` (the daemon's own key,
/// src/daemon_runtime.rs:2384-2389), and `x-peer-id` with the body's sender_agent_id (`host:&lt;hostname&gt;`,
/// src/daemon_runtime.rs:2382). The catch-up pull (src/federation/receive.rs:142-154) sends `x-peer-id` only: no key,
/// so a keyed peer answers 401 and that tick is skipped (receive.rs:158-165).
/// </summary>
public static class OutboundHeaders
{
    public const string PeerId = "x-peer-id";
    public const string ApiKey = "x-api-key";
    public const string IdempotencyKey = "Idempotency-Key";

    public static void AddPush(HttpRequestMessage request, string memoryId, string senderId)
    {
        request.Headers.TryAddWithoutValidation(IdempotencyKey, memoryId);
        if (ConfigFile.ApiKey is { } key) request.Headers.TryAddWithoutValidation(ApiKey, key);
        if (senderId.Length > 0) request.Headers.TryAddWithoutValidation(PeerId, senderId);
    }

    public static void AddCatchup(HttpRequestMessage request, string ownId) => request.Headers.TryAddWithoutValidation(PeerId, ownId);
}
