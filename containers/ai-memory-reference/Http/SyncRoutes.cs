using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>Peer endpoints (contract §1.11): /sync/push merges insert-if-newer, /sync/since is the pull cursor.</summary>
public static class SyncRoutes
{
    public const int MaxPush = 1000;
    public const int DefaultSinceLimit = 500;
    public const int MaxSinceLimit = 10_000;

    public static async Task Push(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var sender = f.RequiredString("sender_agent_id");
        var memories = ReadMemories(f);
        var dryRun = f.OptionalBool("dry_run") ?? false;
        if (Validation.AgentId(sender) is { } badSender) throw Rejection.BadRequest($"invalid sender_agent_id: {badSender}");
        if (memories.Count > MaxPush) throw Rejection.BadRequest($"sync push accepts at most {MaxPush} memories");
        var receiver = Identity.Resolve(ctx);

        int applied = 0, noop = 0, skipped = 0;
        foreach (var memory in memories)
        {
            // A row that fails full-memory validation is skipped; the request itself still succeeds.
            if (Validation.SyncedMemory(memory, node.Faults) is not null) { skipped++; continue; }
            if (dryRun) { applied++; continue; }
            switch (node.Store.Merge(memory))
            {
                case MergeOutcome.Applied: applied++; break;
                case MergeOutcome.Noop: noop++; break;
                default: skipped++; break;
            }
        }
        node.Metrics.SyncApplied(applied);
        await Reply.Json(ctx, 200, new JsonObject
        {
            ["applied"] = applied, ["noop"] = noop, ["skipped"] = skipped, ["dry_run"] = dryRun,
            ["receiver_agent_id"] = receiver, ["receiver_clock"] = new JsonObject { ["entries"] = new JsonObject() },
        });
    }

    public static Task Since(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        var since = q.String("since");
        if (since is not null && !Timestamps.TryParse(since, out _)) throw Rejection.BadRequest("since must be an RFC 3339 timestamp");
        var limit = (int)Math.Min(q.Integer("limit", 0, long.MaxValue) ?? DefaultSinceLimit, MaxSinceLimit);
        var peer = q.String("peer");
        if (peer is not null && Validation.AgentId(peer) is null) RecordPeer(node.Store, LocalId(ctx), peer);

        var rows = node.Store.Since(since, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = rows.Count, ["limit"] = limit, ["memories"] = Reply.Memories(rows) });
    }

    private static List<Memory> ReadMemories(BodyFields f)
    {
        if (f.Raw("memories") is not { ValueKind: JsonValueKind.Array } array)
            throw Rejection.WrongShape(f.Has("memories") ? "memories: invalid type, expected a sequence" : "missing field `memories`");
        try
        {
            return array.EnumerateArray().Select(m => m.Deserialize(Json.Types.Memory)
                ?? throw Rejection.WrongShape("memories: invalid type: null")).ToList();
        }
        catch (JsonException e)
        {
            throw Rejection.WrongShape($"memories: {e.Message}");
        }
    }

    // The receiver's own id: the caller's X-Agent-Id when valid; a stable placeholder otherwise, so anonymous pulls
    // update one sync_state row instead of adding one per request.
    private static string LocalId(HttpContext ctx) =>
        ctx.Request.Headers[Identity.Header] is { Count: > 0 } h && Validation.AgentId(h[0]) is null ? h[0]! : "local";

    // Best effort, as at v0.6.0: the pull is answered even if recording the peer fails.
    private static void RecordPeer(IMemoryStore store, string self, string peer)
    {
        try
        {
            store.WithConnection(db =>
            {
                using var cmd = db.CreateCommand();
                cmd.CommandText = "INSERT INTO sync_state (agent_id, peer_id, last_pulled_at) VALUES ($a, $p, $now) " +
                                  "ON CONFLICT (agent_id, peer_id) DO UPDATE SET last_pulled_at = excluded.last_pulled_at";
                cmd.Parameters.AddWithValue("$a", self);
                cmd.Parameters.AddWithValue("$p", peer);
                cmd.Parameters.AddWithValue("$now", Timestamps.Now());
                return cmd.ExecuteNonQuery();
            });
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
        }
    }
}
