using System.Text.Json.Nodes;
using AiMemory.Reference.Cli;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// Capabilities, and the three LLM-backed tools. The reference node has no LLM (as v0.6.0 on the default semantic tier
/// without Ollama), so those three fail honestly with "no LLM client configured" after checking their arguments.
/// </summary>
public static class MetaTools
{
    public const string NoLlm = "no LLM client configured";

    public static IEnumerable<Tool> All =>
    [
        new("memory_capabilities", "Report the active feature tier, models and features.",
            Schema.Of([]), (_, _) => McpSession.Pretty(Capabilities())),
        new("memory_expand_query", "Expand a query with related terms using the LLM (smart tier and above).",
            Schema.Of(["query"], ("query", "string", "Query to expand")),
            (a, _) => NeedsLlm(a, "query")),
        new("memory_auto_tag", "Suggest tags for a memory using the LLM (smart tier and above).",
            Schema.Of(["id"], ("id", "string", "Memory id"), ("apply", "boolean", "Store the suggested tags")),
            (a, s) => { s.Resolve(a.Required("id")); return NeedsLlm(a); }),
        new("memory_detect_contradiction", "Ask the LLM whether two memories contradict each other (smart tier and above).",
            Schema.Of(["id_a", "id_b"], ("id_a", "string", "First memory id"), ("id_b", "string", "Second memory id")),
            (a, s) => { s.Resolve(a.Required("id_a")); s.Resolve(a.Required("id_b")); return NeedsLlm(a); }),
    ];

    public static JsonObject Capabilities() => new()
    {
        ["version"] = CommandLine.Version,
        ["tier"] = "keyword",
        ["requested_tier"] = McpCommand.RequestedTier,
        ["models"] = new JsonObject { ["embedding"] = null, ["llm"] = null },
        ["features"] = new JsonObject
        {
            ["keyword_search"] = true, ["semantic_search"] = false, ["hybrid_recall"] = false, ["reranking"] = false,
            ["query_expansion"] = false, ["auto_tagging"] = false, ["contradiction_detection"] = false,
            ["consolidation"] = true, ["governance"] = true, ["archive"] = true, ["subscriptions"] = true,
        },
        ["note"] = "no embedder or LLM is available; recall is keyword-only",
    };

    private static string NeedsLlm(ToolArgs a, params string[] required)
    {
        foreach (var name in required) a.Required(name);
        throw new ToolException(NoLlm);
    }
}
