using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// Agents and messages, kept as ordinary memories: registrations in `_agents` (see AgentRegistry, shared with
/// /api/v1/agents), messages in the target's inbox namespace `_messages/&lt;agent id&gt;`.
/// </summary>
public static class AgentTools
{
    public const string InboxPrefix = "_messages/";

    public static IEnumerable<Tool> All =>
    [
        new("memory_agent_register", "Register (or refresh) an agent in the _agents namespace.",
            Schema.Of(["agent_id", "agent_type"], ("agent_id", "string", "Agent id"), ("agent_type", "string", "e.g. ai:claude, human, system"),
                ("capabilities", "string[]", "What the agent can do")),
            (a, s) =>
            {
                try { return McpSession.Pretty(AgentRegistry.Register(s.Store, a.Required("agent_id"), a.Required("agent_type"), a.StrList("capabilities") ?? [])); }
                catch (ArgumentException e) { throw new ToolException(e.Message); }
            }),
        new("memory_agent_list", "List registered agents.",
            Schema.Of([]),
            (_, s) => McpSession.Pretty(AgentRegistry.ListJson(s.Store))),
        new("memory_notify", "Send a message to another agent's inbox.",
            Schema.Of(["target_agent_id", "title", "payload"], ("target_agent_id", "string", "Recipient agent id"),
                ("title", "string", "Message title"), ("payload", "string", "Message body"), ("priority", "integer", "1-10 (default 5)")),
            Notify),
        new("memory_inbox", "Read messages addressed to an agent (default: this session's agent).",
            Schema.Of([], ("agent_id", "string", "Whose inbox"), ("limit", "integer", "Max messages (default 50, max 200)")),
            Inbox),
    ];

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
