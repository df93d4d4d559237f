using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

public enum GovernanceVerdict { Allow, Deny, Pending }

/// <summary>
/// Opt-in governance: the nearest namespace standard whose memory carries metadata.governance decides, per action
/// ("write", "delete", "promote"), one of "any" (default), "registered" (agent listed in _agents), "owner" (the row's or
/// the standard's agent_id), or "approve" (queued in pending_actions until memory_pending_approve).
/// </summary>
public static class Governance
{
    public sealed record Decision(GovernanceVerdict Verdict, string Reason);

    public static Decision Check(IMemoryStore store, string ns, string action, string agentId, Memory? target)
    {
        foreach (var standard in NamespaceStandards.Chain(store, ns).Reverse())
        {
            if (store.Get(standard.StandardId!) is not { } policyMemory) continue;
            if (policyMemory.Metadata["governance"] is not JsonObject policy) continue;
            var level = policy[action] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "any";
            return level switch
            {
                "approve" => new Decision(GovernanceVerdict.Pending, $"{action} in '{ns}' requires approval"),
                "registered" when !AgentRegistry.IsRegistered(store, agentId) =>
                    new Decision(GovernanceVerdict.Deny, $"agent '{agentId}' is not registered"),
                "owner" when Owner(target ?? policyMemory) != agentId =>
                    new Decision(GovernanceVerdict.Deny, $"only the owner may {action} in '{ns}'"),
                _ => new Decision(GovernanceVerdict.Allow, level),
            };
        }
        return new Decision(GovernanceVerdict.Allow, "no governance standard");
    }

    /// <summary>Runs the check; on Pending queues the action and returns the pending reply, on Deny fails the tool.</summary>
    public static string? Gate(McpSession session, string ns, string action, string actionType, Memory? target, JsonObject payload)
    {
        var decision = Check(session.Store, ns, action, session.AgentId, target);
        switch (decision.Verdict)
        {
            case GovernanceVerdict.Deny:
                throw new ToolException($"{actionType} denied by governance: {decision.Reason}");
            case GovernanceVerdict.Pending:
                var pending = PendingActions.Queue(session.Store, actionType, target?.Id, ns, payload, session.AgentId);
                return McpSession.Pretty(new JsonObject
                {
                    ["status"] = "pending", ["pending_id"] = pending.Id, ["reason"] = decision.Reason,
                    ["action"] = actionType, ["namespace"] = ns,
                });
            default:
                return null;
        }
    }

    /// <summary>
    /// Approves a pending action and performs it (POST /pending/{id}/approve and memory_pending_approve):
    /// {"approved","id","decided_by","executed","memory_id"}; null when it is absent or already decided.
    /// </summary>
    public static JsonObject? Approve(IMemoryStore store, string id, string decider)
    {
        if (PendingActions.Find(store, id) is not { Status: "pending" } action) return null;
        // Decide first so two approvals cannot both run the action.
        if (!PendingActions.Decide(store, id, approve: true, decider)) return null;
        var memoryId = action.ActionType switch
        {
            "store" => store.Upsert(MemoryTools.Build(new ToolArgs(action.Payload),
                action.Payload["agent_id"]?.GetValue<string>() ?? action.RequestedBy)).Stored.Id,
            "delete" => store.Delete(action.MemoryId!) ? action.MemoryId : null,
            "promote" => store.Update(action.MemoryId!, new MemoryPatch { Tier = Tiers.Long, ClearExpiry = true })?.Id,
            var other => throw new ToolException($"unknown pending action type '{other}'"),
        };
        return new JsonObject { ["approved"] = true, ["id"] = id, ["decided_by"] = decider, ["executed"] = true, ["memory_id"] = memoryId };
    }

    /// <summary>Rejects a pending action: {"rejected","id","decided_by"}; null when it is absent or already decided.</summary>
    public static JsonObject? Reject(IMemoryStore store, string id, string decider) =>
        PendingActions.Decide(store, id, approve: false, decider)
            ? new JsonObject { ["rejected"] = true, ["id"] = id, ["decided_by"] = decider }
            : null;

    private static string? Owner(Memory m) => m.Metadata["agent_id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
