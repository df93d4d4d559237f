using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;

namespace AiMemory.Reference.Mcp;

/// <summary>The 36 tools of v0.6.0 in tools/list order (contract §4); the families define them, this fixes the order.</summary>
public static class ToolCatalog
{
    public static readonly IReadOnlyList<string> Order =
    [
        "memory_store", "memory_recall", "memory_search", "memory_list", "memory_delete", "memory_promote", "memory_forget",
        "memory_stats", "memory_update", "memory_get", "memory_link", "memory_get_links", "memory_consolidate",
        "memory_capabilities", "memory_expand_query", "memory_auto_tag", "memory_detect_contradiction",
        "memory_archive_list", "memory_archive_restore", "memory_archive_purge", "memory_archive_stats", "memory_gc",
        "memory_session_start", "memory_namespace_set_standard", "memory_namespace_get_standard",
        "memory_namespace_clear_standard", "memory_pending_list", "memory_pending_approve", "memory_pending_reject",
        "memory_agent_register", "memory_agent_list", "memory_notify", "memory_inbox", "memory_subscribe",
        "memory_unsubscribe", "memory_list_subscriptions",
    ];

    private static readonly Lazy<IReadOnlyList<Tool>> Ordered = new(() =>
    {
        var byName = MemoryTools.All.Concat(LifecycleTools.All).Concat(GraphTools.All).Concat(MetaTools.All)
            .Concat(ArchiveTools.All).Concat(GovernanceTools.All).Concat(AgentTools.All).Concat(SubscriptionTools.All)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (byName.Count != Order.Count || Order.Any(n => !byName.ContainsKey(n)))
            throw new InvalidOperationException("tool families and ToolCatalog.Order disagree");
        return Order.Select(n => byName[n]).ToList();
    });

    public static IReadOnlyList<Tool> Tools => Ordered.Value;

    public static Tool? Find(string name) => Tools.FirstOrDefault(t => t.Name == name);

    /// <summary>The tools/list result of v0.6.0's 36 tools.</summary>
    public static JsonObject ListResult(FaultSwitches faults) => ListResult(Tools.Select(t => (t.Name, t.Description, t.InputSchema)), faults);

    /// <summary>
    /// A tools/list result. mcp_20_tools replays a build whose registry lost everything after the 20th tool;
    /// mcp_input_schema_string one that sent each inputSchema serialized into a JSON string instead of an object.
    /// </summary>
    public static JsonObject ListResult(IEnumerable<(string Name, string Description, JsonObject Schema)> tools, FaultSwitches faults)
    {
        var shown = faults.IsOn(FaultSwitches.Mcp20Tools) ? tools.Take(20) : tools;
        var schemaAsString = faults.IsOn(FaultSwitches.McpInputSchemaString);
        return new JsonObject
        {
            ["tools"] = new JsonArray(shown.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name, ["description"] = t.Description,
                ["inputSchema"] = schemaAsString ? JsonValue.Create(t.Schema.ToJsonString()) : t.Schema.DeepClone(),
            }).ToArray()),
        };
    }
}
