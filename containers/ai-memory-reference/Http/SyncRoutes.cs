using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

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
        var memories = ReadMemories(f.Raw("memories"), f.Has("memories"));
        var dryRun = f.OptionalBool("dry_run") ?? false;
        if (PeerAttestation.RefusePush(ctx.Request.Headers[OutboundHeaders.PeerId].FirstOrDefault(), sender) is { } refusal)
        {
            await Reply.Json(ctx, 403, refusal);
            return;
        }
        if (Validation.AgentId(sender) is { } badSender) throw Rejection.BadRequest($"invalid sender_agent_id: {badSender}");
        if (memories.Count > MaxPush) throw Rejection.BadRequest($"sync_push limited to {MaxPush} memories per request");
        var receiver = Identity.Resolve(ctx);

        int applied = 0, noop = 0, skipped = 0;
        string? latestSeen = null;
        AgentQuota.Refusal? refused = null;
        foreach (var memory in memories)
        {
            // A row that fails full-memory validation is skipped; the request itself still succeeds.
            if (Validation.SyncedMemory(memory, node.Faults) is not null) { skipped++; continue; }
            if (string.CompareOrdinal(memory.UpdatedAt, latestSeen) > 0) latestSeen = memory.UpdatedAt;
            if (dryRun) { noop++; continue; }
            // v0.7.0 charges each row to its author (metadata.agent_id, else the sender) and stops at the first refusal
            // (src/handlers/federation_receive.rs:836-905); the rows before it stay applied.
            var author = memory.Metadata["agent_id"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : sender;
            refused = AgentQuota.Charge(node.Store, author, AgentQuota.Bytes(memory.Title, memory.Content, memory.Metadata, null), node.Faults);
            if (refused is not null) break;
            switch (node.Store.Merge(memory))
            {
                case MergeOutcome.Applied: applied++; break;
                case MergeOutcome.Noop: noop++; break;
                default: skipped++; break;
            }
        }
        if (refused is not null)
        {
            await QuotaRefusal(ctx, refused, applied);
            return;
        }
        // The receiver's clock advances to the newest row it took from this sender (a preview records nothing).
        if (!dryRun && latestSeen is not null) SyncState.Observe(node.Store, receiver, sender, latestSeen);
        node.Metrics.SyncApplied(applied);
        await Reply.Json(ctx, 200, new JsonObject
        {
            ["applied"] = applied, ["noop"] = noop, ["skipped"] = skipped, ["dry_run"] = dryRun,
            ["receiver_agent_id"] = receiver, ["receiver_clock"] = SyncState.Clock(node.Store, receiver),
        });
    }

    public static Task Since(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        // v0.6.0 reads an empty since= as "from the beginning".
        var since = q.String("since") is { Length: > 0 } s ? s : null;
        if (since is not null && !Timestamps.TryParse(since, out _))
            throw Rejection.BadRequest("invalid `since` parameter — expected RFC 3339 timestamp");
        var limit = (int)Math.Min(q.Integer("limit", 0, long.MaxValue) ?? DefaultSinceLimit, MaxSinceLimit);

        var scope = PeerAttestation.ScopeFor(ctx.Request.Headers[OutboundHeaders.PeerId].FirstOrDefault());
        // v0.7.0's default-deny answers before reading the store (federation_receive.rs:1391-1414).
        IReadOnlyList<Memory> fetched = scope == PeerAttestation.SinceScope.Deny ? [] : node.Store.Since(since, limit);
        var rows = scope is null ? fetched : fetched.Where(m => scope.Allows(m.Namespace)).ToList();
        var peer = q.String("peer");
        // Best effort, as at v0.6.0: the puller is recorded at the newest row it was sent.
        if (scope != PeerAttestation.SinceScope.Deny && peer is not null && Validation.AgentId(peer) is null && rows.Count > 0)
            RecordPeer(node.Store, LocalId(ctx), peer, rows[^1].UpdatedAt);
        var body = new JsonObject { ["count"] = rows.Count, ["limit"] = limit };
        if (scope is not null)
        {
            // v0.7.0's page also echoes the cursor and its span (federation_receive.rs:1514-1527).
            body["updated_since"] = q.String("since");
            body["earliest_updated_at"] = rows.Count > 0 ? rows[0].UpdatedAt : null;
            body["latest_updated_at"] = rows.Count > 0 ? rows[^1].UpdatedAt : null;
        }
        body["memories"] = Reply.Memories(rows);
        if (scope is not null)
        {
            body["excluded_for_scope"] = fetched.Count - rows.Count;
            body["scope_status"] = scope.Status;
        }
        return Reply.Json(ctx, 200, body);
    }

    /// <summary>v0.7.0's 429 for a push past a quota (federation_receive.rs:955-975): `error`, not `code`, and reset headers.</summary>
    private static Task QuotaRefusal(HttpContext ctx, AgentQuota.Refusal refused, int applied)
    {
        var reset = AgentQuota.NextUtcMidnight();
        ctx.Response.Headers["x-quota-reset-at"] = reset;
        ctx.Response.Headers["x-quota-limit"] = refused.Limit;
        return Reply.Json(ctx, 429, new JsonObject
        {
            ["error"] = "QUOTA_EXCEEDED", ["limit"] = refused.Limit, ["current"] = refused.Current, ["max"] = refused.Max,
            ["agent_id"] = refused.AgentId, ["applied_before_refusal"] = applied, ["quota_refused"] = 1, ["reset_at"] = reset,
        });
    }

    /// <summary>A `memories` array of full Memory objects (push and import); a shape error rejects the whole body with 422.</summary>
    public static List<Memory> ReadMemories(JsonElement? raw, bool present)
    {
        if (raw is not { ValueKind: JsonValueKind.Array } array)
            throw Rejection.WrongShape(present ? "memories: invalid type, expected a sequence" : "missing field `memories`");
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

    private static void RecordPeer(IMemoryStore store, string self, string peer, string seenAt)
    {
        try { SyncState.Observe(store, self, peer, seenAt); }
        catch (Microsoft.Data.Sqlite.SqliteException) { }
    }
}
