using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// Agents and messages, kept as ordinary memories: registrations in the `_agents` namespace (title "agent:&lt;id&gt;"),
/// messages in the target's inbox namespace `_messages/&lt;agent id&gt;`.
/// </summary>
public static class AgentTools
{
    public const string AgentsNamespace = "_agents";
    public const string InboxPrefix = "_messages/";

    public static IEnumerable<Tool> All =>
    [
        new("memory_agent_register", "Register (or refresh) an agent in the _agents namespace.",
            Schema.Of(["agent_id", "agent_type"], ("agent_id", "string", "Agent id"), ("agent_type", "string", "e.g. ai:claude, human, system"),
                ("capabilities", "string[]", "What the agent can do")),
            Register),
        new("memory_agent_list", "List registered agents.",
            Schema.Of([]),
            (_, s) =>
            {
                var agents = Registrations(s.Store).Select(m => (JsonNode)m.Metadata.DeepClone()).ToArray();
                return McpSession.Pretty(new JsonObject { ["agents"] = new JsonArray(agents), ["count"] = agents.Length });
            }),
        new("memory_notify", "Send a message to another agent's inbox.",
            Schema.Of(["target_agent_id", "title", "payload"], ("target_agent_id", "string", "Recipient agent id"),
                ("title", "string", "Message title"), ("payload", "string", "Message body"), ("priority", "integer", "1-10 (default 5)")),
            Notify),
        new("memory_inbox", "Read messages addressed to an agent (default: this session's agent).",
            Schema.Of([], ("agent_id", "string", "Whose inbox"), ("limit", "integer", "Max messages (default 50, max 200)")),
            Inbox),
    ];

    public static bool IsRegistered(IMemoryStore store, string agentId) =>
        Registrations(store).Any(m => m.Title == "agent:" + agentId);

    private static IReadOnlyList<Memory> Registrations(IMemoryStore store) =>
        store.List(new ListQuery { Namespace = AgentsNamespace, Limit = 10_000 });

    private static string Register(ToolArgs a, McpSession s)
    {
        var agentId = a.Required("agent_id");
        var agentType = a.Required("agent_type").Trim();
        McpSession.Check(Validation.AgentId(agentId) ?? (agentType.Length is 0 or > 64 ? "agent_type must be 1-64 characters" : null));
        var capabilities = a.StrList("capabilities") ?? [];
        var now = Timestamps.Now();
        var previous = s.Store.List(new ListQuery { Namespace = AgentsNamespace, Limit = 10_000 }).FirstOrDefault(m => m.Title == "agent:" + agentId);
        var registration = new JsonObject
        {
            ["agent_id"] = agentId, ["agent_type"] = agentType,
            ["capabilities"] = new JsonArray(capabilities.Select(c => (JsonNode)c).ToArray()),
            ["registered_at"] = previous?.Metadata["registered_at"]?.DeepClone() ?? now, ["last_seen_at"] = now,
        };
        var stored = s.Store.Upsert(new NewMemory
        {
            Title = "agent:" + agentId, Content = registration.ToJsonString(Json.Wire), Tier = Tiers.Long,
            Namespace = AgentsNamespace, Source = "system", Metadata = registration, AgentId = agentId,
        }).Stored;
        var reply = (JsonObject)registration.DeepClone();
        reply["id"] = stored.Id;
        reply["registered"] = true;
        return McpSession.Pretty(reply);
    }

    private static string Notify(ToolArgs a, McpSession s)
    {
        var target = a.Required("target_agent_id");
        McpSession.Check(Validation.AgentId(target));
        var ns = InboxPrefix + target;
        var title = a.Required("title");
        var payload = a.Required("payload");
        var priority = a.Long("priority") ?? 5;
        McpSession.Check(Validation.Namespace(ns) ?? Validation.Title(title) ?? Validation.Content(payload) ?? Validation.Priority(priority));
        var stored = s.Store.Upsert(new NewMemory
        {
            Title = title.Trim(), Content = payload, Tier = Tiers.Mid, Namespace = ns, Priority = (int)priority, Source = "api",
            Metadata = new JsonObject { ["from"] = s.AgentId, ["to"] = target, ["kind"] = "notification" }, AgentId = s.AgentId,
        }).Stored;
        return McpSession.Pretty(new JsonObject { ["id"] = stored.Id, ["delivered_to"] = target, ["namespace"] = ns });
    }

    private static string Inbox(ToolArgs a, McpSession s)
    {
        var agentId = a.Str("agent_id") ?? s.AgentId;
        McpSession.Check(Validation.AgentId(agentId));
        var rows = s.Store.List(new ListQuery { Namespace = InboxPrefix + agentId, Limit = a.Int("limit", 50, 0, 200) })
            .OrderByDescending(m => m.CreatedAt, StringComparer.Ordinal).ToList();
        var messages = rows.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id, ["from"] = m.Metadata["from"]?.DeepClone(), ["title"] = m.Title, ["payload"] = m.Content,
            ["priority"] = m.Priority, ["created_at"] = m.CreatedAt,
        }).ToArray();
        return McpSession.Pretty(new JsonObject { ["agent_id"] = agentId, ["messages"] = new JsonArray(messages), ["count"] = messages.Length });
    }
}
