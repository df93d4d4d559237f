using System.Text.Json.Nodes;

namespace AiMemory.Reference.Mcp;

/// <summary>The two prompts of v0.6.0: recall-first and memory-workflow.</summary>
public static class Prompts
{
    private static readonly (string Name, string Description, string Text)[] All =
    [
        ("recall-first", "Recall relevant memories before answering.",
            "Before you answer, call memory_recall with the user's request as context. Use what it returns, and say " +
            "when a memory you relied on may be outdated. Store durable new facts with memory_store."),
        ("memory-workflow", "How to use the memory tools during a session.",
            "At the start of a session call memory_session_start. Recall before answering (memory_recall), store " +
            "decisions and facts that should outlive the session (memory_store, tier long for lasting ones), link " +
            "related memories (memory_link), and promote memories that proved useful (memory_promote)."),
    ];

    public static JsonObject ListResult() => new()
    {
        ["prompts"] = new JsonArray(All.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name, ["description"] = p.Description, ["arguments"] = new JsonArray(),
        }).ToArray()),
    };

    /// <summary>The prompt's messages, or null for an unknown name.</summary>
    public static JsonObject? Get(string name) => All.Where(p => p.Name == name).Select(p => new JsonObject
    {
        ["description"] = p.Description,
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user", ["content"] = new JsonObject { ["type"] = "text", ["text"] = p.Text },
        }),
    }).FirstOrDefault();
}
