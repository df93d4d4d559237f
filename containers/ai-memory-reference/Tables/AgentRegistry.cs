using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

/// <summary>
/// Agents registered as ordinary long-tier memories in `_agents` (title "agent:&lt;id&gt;", the registration in metadata),
/// as v0.6.0 keeps them. POST/GET /agents and memory_agent_register/memory_agent_list answer with these bodies.
/// </summary>
public static class AgentRegistry
{
    public const string Namespace = "_agents";
    public const int MaxCapabilities = 50;

    /// <summary>Registers or refreshes (registered_at kept, last_seen_at now): {"registered","id","agent_id","agent_type","capabilities"}.</summary>
    public static JsonObject Register(IMemoryStore store, string agentId, string agentType, IReadOnlyList<string> capabilities)
    {
        var error = Validation.AgentId(agentId)
                    ?? (agentType.Trim().Length is 0 or > 64 ? "agent_type must be 1-64 characters" : null)
                    ?? (capabilities.Count > MaxCapabilities ? $"at most {MaxCapabilities} capabilities" : null)
                    ?? (capabilities.Any(c => c.Trim().Length is 0 or > 128) ? "each capability must be 1-128 characters" : null);
        if (error is not null) throw new ArgumentException(error);

        var now = Timestamps.Now();
        var previous = Find(store, agentId);
        var registration = new JsonObject
        {
            ["agent_id"] = agentId, ["agent_type"] = agentType,
            ["capabilities"] = new JsonArray(capabilities.Select(c => (JsonNode)c).ToArray()),
            ["registered_at"] = previous?.Metadata["registered_at"]?.DeepClone() ?? now, ["last_seen_at"] = now,
        };
        var stored = store.Upsert(new NewMemory
        {
            Title = "agent:" + agentId, Content = registration.ToJsonString(), Tier = Tiers.Long, Namespace = Namespace,
            Tags = ["agent-registration"], Source = "system", Metadata = registration, AgentId = agentId,
        }).Stored;
        return new JsonObject
        {
            ["registered"] = true, ["id"] = stored.Id, ["agent_id"] = agentId, ["agent_type"] = agentType,
            ["capabilities"] = registration["capabilities"]!.DeepClone(),
        };
    }

    /// <summary>{"count","agents":[{"agent_id","agent_type","capabilities","registered_at","last_seen_at"}]} oldest registration first.</summary>
    public static JsonObject ListJson(IMemoryStore store)
    {
        var agents = Registrations(store)
            .OrderBy(m => m.Metadata["registered_at"]?.ToString(), StringComparer.Ordinal)
            .Select(m => (JsonNode)new JsonObject
            {
                ["agent_id"] = Text(m, "agent_id"), ["agent_type"] = Text(m, "agent_type"),
                ["capabilities"] = m.Metadata["capabilities"] is JsonArray caps ? caps.DeepClone() : new JsonArray(),
                ["registered_at"] = Text(m, "registered_at"), ["last_seen_at"] = Text(m, "last_seen_at"),
            }).ToArray();
        return new JsonObject { ["count"] = agents.Length, ["agents"] = new JsonArray(agents) };
    }

    public static bool IsRegistered(IMemoryStore store, string agentId) => Find(store, agentId) is not null;

    private static Memory? Find(IMemoryStore store, string agentId) => Registrations(store).FirstOrDefault(m => m.Title == "agent:" + agentId);

    private static IReadOnlyList<Memory> Registrations(IMemoryStore store) =>
        store.List(new ListQuery { Namespace = Namespace, Limit = 10_000 });

    private static string Text(Memory m, string key) => m.Metadata[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
