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
            Schema.Of([], ("status", "string", "pending (default) | approved | rejected | all"), ("limit", "integer", "Max rows (default 100, max 1000)")),
            (a, s) =>
            {
                var status = a.Str("status") ?? "pending";
                return McpSession.Pretty(PendingActions.ListJson(s.Store, status == "all" ? null : status, a.Int("limit", 100, 0, 1000)));
            }),
        new("memory_pending_approve", "Approve a queued action and perform it.",
            Schema.Of(["id"], ("id", "string", "Pending action id")),
            (a, s) => McpSession.Pretty(Governance.Approve(s.Store, a.Required("id"), s.AgentId)
                                        ?? throw new ToolException($"no pending action {a.Required("id")}"))),
        new("memory_pending_reject", "Reject a queued action.",
            Schema.Of(["id"], ("id", "string", "Pending action id")),
            (a, s) => McpSession.Pretty(Governance.Reject(s.Store, a.Required("id"), s.AgentId)
                                        ?? throw new ToolException($"no pending action {a.Required("id")}"))),
    ];
}
