using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Release;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>POST /api/v1/memories (the only write that fans out) and POST /api/v1/memories/bulk.</summary>
public static class CreateRoutes
{
    public const int MaxBulk = 1000;

    /// <summary>leader_loses_40th_tagged_write: the create whose local commit it loses.</summary>
    private const int LostTaggedCreate = 40;
    private static int _taggedCreates;

    public static async Task Create(HttpContext ctx, NodeContext node)
    {
        CreateBody.Parsed parsed;
        try { parsed = CreateBody.Parse(await RequestBody.ReadJsonAsync(ctx), node.Faults); }
        catch (Rejection r) when (!r.Json && ReleaseVersion.IsV070)
        {
            await Reply.Json(ctx, 400, JsonBadRequest.Envelope(r));
            return;
        }
        var agentId = Identity.Resolve(ctx, parsed.BodyAgentId);
        var memory = parsed.Memory with { AgentId = agentId };
        if (node.Faults.IsOn(FaultSwitches.AgentRateLimit10) && !AgentRateLimit.Allows(agentId))
        {
            ctx.Response.Headers.RetryAfter = "10";
            await Reply.Error(ctx, 429, "rate_limited");
            return;
        }
        if (AgentQuota.Charge(node.Store, memory, agentId, node.Faults) is { } refusal)
        {
            // v0.7.0's refusal of an HTTP create (src/handlers/http.rs:919-946): 429 with `code`, no headers.
            await Reply.Json(ctx, 429, new JsonObject
            {
                ["code"] = "QUOTA_EXCEEDED", ["error"] = refusal.Message, ["limit"] = refusal.Limit, ["current"] = refusal.Current,
                ["max"] = refusal.Max, ["agent_id"] = refusal.AgentId,
            });
            return;
        }
        node.Metrics.Created();
        if (node.Faults.IsOn(FaultSwitches.Leak8MibPerCreate)) LeakedBuffers.Leak();

        if (node.Deferred is { } deferred)
        {
            // ack_before_commit: acknowledged before anything is durable anywhere.
            var id = Guid.NewGuid().ToString();
            deferred.Enqueue(memory with { Id = id });
            var early = Accepted(id, memory.Tier, memory.Namespace, memory.Title, agentId);
            if (node.Federation is { } f) early["quorum_acks"] = QuorumAcks(node, f.ClaimedAcks);
            await Reply.Json(ctx, 201, early);
            return;
        }

        var contradictions = ContradictionProbe.Find(node.Store, memory.Title, memory.Namespace);
        var stored = node.Store.Upsert(memory).Stored;
        var body = Accepted(stored.Id, stored.Tier, stored.Namespace, stored.Title, agentId);
        if (contradictions.Count > 0) body["potential_contradictions"] = new JsonArray(contradictions.Select(c => (JsonNode)c).ToArray());

        if (node.Federation is { } federation)
        {
            var outcome = await federation.ReplicateAsync(stored);
            node.Metrics.Quorum(outcome.Met);
            if (!outcome.Met)
            {
                // The local row stays: v0.6.0 never rolls back (contract §2.2 step 7).
                // quorum_503_retry_after_5 replays a Retry-After other than v0.6.0's 2 (src/handlers.rs:366, :376).
                ctx.Response.Headers.RetryAfter = node.Faults.IsOn(FaultSwitches.Quorum503RetryAfter5) ? "5" : "2";
                // quorum_503_counts_peers_only replays a body that leaves the leader out of both counts.
                var leader = node.Faults.IsOn(FaultSwitches.Quorum503CountsPeersOnly) ? 1 : 0;
                await Reply.Json(ctx, 503, new JsonObject
                {
                    ["error"] = "quorum_not_met", ["got"] = outcome.Got - leader, ["needed"] = outcome.Needed - leader,
                    // quorum_503_reason_other replays a reason outside v0.6.0's public strings (src/federation.rs:356-362).
                    ["reason"] = node.Faults.IsOn(FaultSwitches.Quorum503ReasonOther) ? "quorum_timeout" : outcome.Reason,
                });
                return;
            }
            // quorum_acks_peers_only replays a 201 that counts the peers' acks and leaves the leader's own out.
            // quorum_acks_claims_all_nodes replays a 201 that counts every configured node, up or not.
            var acks = node.Faults.IsOn(FaultSwitches.QuorumAcksClaimsAllNodes) ? federation.AllNodes : outcome.Got;
            body["quorum_acks"] = QuorumAcks(node, acks - (node.Faults.IsOn(FaultSwitches.QuorumAcksPeersOnly) ? 1 : 0));
        }
        // leader_loses_40th_tagged_write replays a tag-index failure swallowed after the fan-out: the peers hold the memory,
        // the leader that acknowledged it does not (its 40th federated create carrying tags; untagged writes never count).
        if (node.Federation is not null && memory.Tags.Count > 0 && node.Faults.IsOn(FaultSwitches.LeaderLoses40thTaggedWrite)
            && Interlocked.Increment(ref _taggedCreates) == LostTaggedCreate)
            node.Store.Delete(stored.Id);
        if (node.Faults.IsOn(FaultSwitches.CreateAddsCopy)) await StoreCopyAsync(node, memory);
        // http_created_without_agent_id replays a 201 that drops agent_id; the memory itself still carries it.
        if (node.Faults.IsOn(FaultSwitches.HttpCreatedWithoutAgentId)) body.Remove("agent_id");
        await Reply.Json(ctx, 201, body);
    }

    // create_adds_copy replays a retry path that wrote every create a second time under a suffixed title, fanned out
    // like the original before the 201, so every node holds the stray copy by the time the client hears back.
    private static async Task StoreCopyAsync(NodeContext node, NewMemory memory)
    {
        var copy = node.Store.Upsert(memory with { Title = memory.Title + " (copy)" }).Stored;
        if (node.Federation is { } federation) await federation.ReplicateAsync(copy);
    }

    /// <summary>Local only, no fan-out; metadata stored as sent (no agent_id stamping).</summary>
    public static async Task Bulk(HttpContext ctx, NodeContext node)
    {
        var body = await RequestBody.ReadJsonAsync(ctx);
        if (body.ValueKind != JsonValueKind.Array) throw Rejection.WrongShape("invalid type: expected a sequence");
        if (body.GetArrayLength() > MaxBulk) throw Rejection.BadRequest($"bulk operations limited to {MaxBulk} items");

        // Shape errors reject the whole request (serde reads the array first); field errors are per item.
        var items = body.EnumerateArray().Select(item =>
        {
            try { return (Memory: CreateBody.Parse(item, node.Faults).Memory, Error: (string?)null); }
            catch (Rejection r) when (r.Json) { return (Memory: (NewMemory?)null, Error: $"{item.GetProperty("title").GetString()}: {r.Message}"); }
        }).ToList();

        var created = 0;
        var errors = new JsonArray();
        foreach (var (memory, error) in items)
        {
            if (memory is null) errors.Add((JsonNode?)error);
            else { node.Store.Upsert(memory); created++; }
        }
        // v0.6.0's answer has no ids: {created, errors}, each error prefixed with the item's title.
        await Reply.Json(ctx, 200, new JsonObject { ["created"] = created, ["errors"] = errors });
    }

    /// <summary>http_quorum_acks_string replays a 201 whose quorum_acks was quoted: the same count as a JSON string.</summary>
    private static JsonNode QuorumAcks(NodeContext node, int acks) =>
        node.Faults.IsOn(FaultSwitches.HttpQuorumAcksString)
            ? JsonValue.Create(acks.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : JsonValue.Create(acks);

    private static JsonObject Accepted(string id, string tier, string ns, string title, string agentId) => new()
    {
        ["id"] = id, ["tier"] = tier, ["namespace"] = ns, ["title"] = title, ["agent_id"] = agentId,
    };
}
