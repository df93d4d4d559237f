using System.Text.Json.Nodes;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>Namespace standards (policy memories) and the queue of actions governance sent for approval.</summary>
public static class GovernanceTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_namespace_set_standard", "Make a memory the standard (policy) of a namespace. Its metadata.governance, if any, governs writes.",
            Schema.Of(["namespace", "id"], ("namespace", "string", "Namespace"), ("id", "string", "Memory id of the standard"),
                ("parent", "string", "Explicit parent namespace for inheritance")),
            (a, s) =>
            {
                var ns = a.Required("namespace");
                McpSession.Check(Validation.Namespace(ns) ?? (a.Str("parent") is { } p ? Validation.Namespace(p) : null));
                var standard = s.Resolve(a.Required("id"));
                var row = NamespaceStandards.Set(s.Store, ns, standard.Id, a.Str("parent"));
                return McpSession.Pretty(new JsonObject
                {
                    ["namespace"] = row.Namespace, ["standard_id"] = row.StandardId, ["parent"] = row.ParentNamespace, ["updated_at"] = row.UpdatedAt,
                });
            }),
        new("memory_namespace_get_standard", "Read a namespace's standard, optionally with the inherited chain.",
            Schema.Of(["namespace"], ("namespace", "string", "Namespace"), ("inherit", "boolean", "Include ancestors' standards")),
            (a, s) =>
            {
                var ns = a.Required("namespace");
                McpSession.Check(Validation.Namespace(ns));
                var rows = a.Bool("inherit") ? NamespaceStandards.Chain(s.Store, ns)
                    : NamespaceStandards.Get(s.Store, ns) is { StandardId: not null } own ? [own] : [];
                var standards = rows.Select(r => (JsonNode)new JsonObject
                {
                    ["namespace"] = r.Namespace, ["standard_id"] = r.StandardId, ["parent"] = r.ParentNamespace,
                    ["memory"] = s.Store.Get(r.StandardId!) is { } m ? MemoryJson.Node(m) : null,
                }).ToArray();
                return McpSession.Pretty(new JsonObject
                {
                    ["namespace"] = ns, ["standard"] = standards.LastOrDefault()?.DeepClone(), ["chain"] = new JsonArray(standards),
                });
            }),
        new("memory_namespace_clear_standard", "Remove a namespace's standard.",
            Schema.Of(["namespace"], ("namespace", "string", "Namespace")),
            (a, s) => McpSession.Pretty(new JsonObject
            {
                ["namespace"] = a.Required("namespace"), ["cleared"] = NamespaceStandards.Clear(s.Store, a.Required("namespace")),
            })),
        new("memory_pending_list", "List actions waiting for governance approval.",
            Schema.Of([], ("status", "string", "pending (default) | approved | rejected | all"), ("limit", "integer", "Max rows (default 100)")),
            (a, s) =>
            {
                var status = a.Str("status") ?? "pending";
                var rows = PendingActions.List(s.Store, status == "all" ? null : status, a.Int("limit", 100, 0, 1000));
                return McpSession.Pretty(new JsonObject
                {
                    ["pending"] = new JsonArray(rows.Select(r => (JsonNode)PendingActions.ToJson(r)).ToArray()), ["count"] = rows.Count,
                });
            }),
        new("memory_pending_approve", "Approve a queued action and perform it.",
            Schema.Of(["id"], ("id", "string", "Pending action id")), Approve),
        new("memory_pending_reject", "Reject a queued action.",
            Schema.Of(["id"], ("id", "string", "Pending action id")),
            (a, s) =>
            {
                var id = a.Required("id");
                if (!PendingActions.Decide(s.Store, id, approve: false, s.AgentId)) throw new ToolException($"no pending action {id}");
                return McpSession.Pretty(new JsonObject { ["rejected"] = true, ["id"] = id });
            }),
    ];

    private static string Approve(ToolArgs a, McpSession s)
    {
        var id = a.Required("id");
        var action = PendingActions.Find(s.Store, id) is { Status: "pending" } found ? found : throw new ToolException($"no pending action {id}");
        // Decide first so two approvals cannot both run the action.
        if (!PendingActions.Decide(s.Store, id, approve: true, s.AgentId)) throw new ToolException($"no pending action {id}");
        var outcome = action.ActionType switch
        {
            "store" => MemoryTools.StoreValidated(s, MemoryTools.Build(new ToolArgs(action.Payload),
                action.Payload["agent_id"]?.GetValue<string>() ?? action.RequestedBy)),
            "delete" => LifecycleTools.DeleteNow(s, action.MemoryId!),
            "promote" => LifecycleTools.PromoteNow(s, action.MemoryId!),
            var other => throw new ToolException($"unknown pending action type '{other}'"),
        };
        return McpSession.Pretty(new JsonObject { ["approved"] = true, ["id"] = id, ["result"] = JsonNode.Parse(outcome) });
    }
}
