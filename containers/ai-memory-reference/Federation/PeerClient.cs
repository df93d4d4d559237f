using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;

namespace AiMemory.Reference.Federation;

/// <summary>The node's outbound HTTP to peers: one shared client, 2 s connect timeout, per-call deadlines.</summary>
public static class PeerClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        UseProxy = false,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <summary>The /sync/push body for one memory; built once per write and shared by every peer's push.</summary>
    public static string PushBody(string senderId, Memory memory) => new JsonObject
    {
        ["sender_agent_id"] = senderId,
        ["memories"] = new JsonArray(Cli.MemoryJson.Node(memory)),
        ["dry_run"] = false,
    }.ToJsonString(Json.Wire);

    /// <summary>
    /// POST a push body to the peer's /sync/push; true on any 2xx whose body names no other id. Never throws.
    /// v0.7.0 (src/federation/sync.rs:155-195) retries a failed attempt once after 250 ms (id drift is not retried),
    /// each attempt bounded by the client's timeout; v0.6.0 (src/federation.rs) makes one attempt.
    /// </summary>
    public static async Task<bool> PushAsync(string peer, string body, string senderId, string memoryId, TimeSpan timeout, CancellationToken ct)
    {
        var first = await PushOnceAsync(peer, body, senderId, memoryId, timeout, ct);
        if (first != Ack.Failed || !ReleaseVersion.IsV070 || ct.IsCancellationRequested) return first == Ack.Acked;
        try { await Task.Delay(RetryBackoff, ct); }
        catch (OperationCanceledException) { return false; }
        return await PushOnceAsync(peer, body, senderId, memoryId, timeout, ct) == Ack.Acked;
    }

    /// <summary>v0.7.0's FANOUT_RETRY_BACKOFF (src/federation/sync.rs:133).</summary>
    public static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(250);

    private enum Ack { Acked, IdDrift, Failed }

    private static async Task<Ack> PushOnceAsync(string peer, string body, string senderId, string memoryId, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, peer + "/api/v1/sync/push");
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (ReleaseVersion.IsV070) OutboundHeaders.AddPush(request, memoryId, senderId);
            using var response = await Http.SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode) return Ack.Failed;
            return IdDrift(await response.Content.ReadAsStringAsync(cts.Token), memoryId) ? Ack.IdDrift : Ack.Acked;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return Ack.Failed;
        }
    }

    /// <summary>GET the peer's /sync/since page; null when the peer cannot be read.</summary>
    public static async Task<IReadOnlyList<Memory>?> SinceAsync(
        string peer, string? since, string ownId, int limit, TimeSpan timeout, CancellationToken ct)
    {
        var url = $"{peer}/api/v1/sync/since?limit={limit}&peer={Uri.EscapeDataString(ownId)}"
                  + (since is null ? "" : "&since=" + Uri.EscapeDataString(since));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (ReleaseVersion.IsV070) OutboundHeaders.AddCatchup(request, ownId);
            using var response = await Http.SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode) return null;
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cts.Token));
            return page?["memories"]?.Deserialize(Json.Types.Memories);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
        {
            return null;
        }
    }

    // A 2xx whose body lists ids that do not include ours is id drift, not an ack (contract §2.2 step 4).
    private static bool IdDrift(string body, string id)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["ids"] is JsonArray { Count: > 0 } ids
                   && !ids.Any(i => i?.GetValueKind() == JsonValueKind.String && i.GetValue<string>() == id);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
