using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

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
        ["memories"] = new JsonArray(JsonSerializer.SerializeToNode(memory, Json.Types.Memory)),
        ["dry_run"] = false,
    }.ToJsonString(Json.Wire);

    /// <summary>POST a push body to the peer's /sync/push; true on any 2xx. Never throws.</summary>
    public static async Task<bool> PushAsync(string peer, string body, string memoryId, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await Http.PostAsync(peer + "/api/v1/sync/push", content, cts.Token);
            return response.IsSuccessStatusCode && !IdDrift(await response.Content.ReadAsStringAsync(cts.Token), memoryId);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
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
            using var response = await Http.GetAsync(url, cts.Token);
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
