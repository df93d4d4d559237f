using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>The core read/write tools: store, recall, search, list, get, stats, update, session_start.</summary>
public static class MemoryTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_store", "Store a memory. Upserts on (title, namespace): an existing row keeps its id and is updated.",
            Schema.Of(["title", "content"],
                ("title", "string", "Short descriptive title"), ("content", "string", "The memory content"),
                ("tier", "string", "short | mid | long (default mid)"), ("namespace", "string", "Namespace (default global)"),
                ("tags", "string[]", "Tags"), ("priority", "integer", "1-10 (default 5)"),
                ("confidence", "number", "0.0-1.0 (default 1.0)"), ("source", "string", "Source (default claude)"),
                ("expires_at", "string", "RFC 3339 expiry"), ("ttl_secs", "integer", "Time to live in seconds"),
                ("metadata", "object", "Arbitrary JSON object"), ("agent_id", "string", "Writer id (default: this session's)"),
                ("scope", "string", "private | team | unit | org | collective")),
            Store),
        new("memory_recall", "Recall memories relevant to a context (keyword OR match, ranked). Updates access counters.",
            Schema.Of(["context"],
                ("context", "string", "What you are working on"), ("namespace", "string", "Namespace (ancestors included)"),
                ("limit", "integer", "Max results (default 10, max 50)"), ("tags", "string", "Only memories with this tag"),
                ("since", "string", "created_at lower bound"), ("until", "string", "created_at upper bound"),
                ("budget_tokens", "integer", "Stop before this many tokens"), ("format", "string", "toon_compact (default) | json")),
            Recall),
        new("memory_search", "Keyword search: every term must match. Read-only.",
            Schema.Of(["query"],
                ("query", "string", "Search terms"), ("namespace", "string", "Exact namespace"), ("tier", "string", "Tier filter"),
                ("limit", "integer", "Max results (default 20, max 200)"), ("format", "string", "toon_compact (default) | json")),
            Search),
        new("memory_list", "List memories, priority first, with optional filters.",
            Schema.Of([],
                ("namespace", "string", "Exact namespace"), ("tier", "string", "Tier filter"), ("limit", "integer", "Max rows (default 20, max 200)"),
                ("offset", "integer", "Rows to skip"), ("agent_id", "string", "Only rows written by this agent"),
                ("tags", "string", "Only rows with this tag"), ("format", "string", "toon_compact (default) | json")),
            List),
        // memory_delete, memory_promote, memory_forget come from LifecycleTools; the catalog fixes the order.
        new("memory_stats", "Store statistics: totals by tier and namespace, expiring rows, links, database size.",
            Schema.Of([]), (_, s) => McpSession.Pretty(JsonSerializer.SerializeToNode(s.Store.Stats(), Json.Types.StoreStats)!)),
        new("memory_update", "Patch fields of one memory. The tier never downgrades; the original agent_id is kept.",
            Schema.Of(["id"],
                ("id", "string", "Memory id or unique prefix"), ("title", "string", "New title"), ("content", "string", "New content"),
                ("tier", "string", "New tier"), ("namespace", "string", "New namespace"), ("tags", "string[]", "New tags"),
                ("priority", "integer", "1-10"), ("confidence", "number", "0.0-1.0"),
                ("expires_at", "string", "RFC 3339, or empty to clear"), ("metadata", "object", "Replacement metadata")),
            Update),
        new("memory_get", "One memory by id (or unique prefix) with its links.",
            Schema.Of(["id"], ("id", "string", "Memory id or unique prefix")),
            (a, s) =>
            {
                var m = s.Resolve(a.Required("id"));
                return McpSession.Pretty(new JsonObject { ["memory"] = MemoryJson.Node(m), ["links"] = LinkTable.ToJson(LinkTable.For(s.Store, m.Id)) });
            }),
        new("memory_session_start", "Session bootstrap: the most recently updated memories (no LLM summary without an LLM).",
            Schema.Of([],
                ("namespace", "string", "Namespace"), ("limit", "integer", "Max rows (default 10, max 50)"),
                ("format", "string", "toon_compact (default) | json")),
            SessionStart),
    ];

    private static string Store(ToolArgs a, McpSession s)
    {
        var memory = Build(a, s.AgentFor(a));
        if (Governance.Gate(s, memory.Namespace, "write", "store", null, a.Raw) is { } pending) return pending;
        return StoreValidated(s, memory);
    }

    /// <summary>memory_store's arguments as a validated create request (MCP defaults: source claude, namespace global).</summary>
    public static NewMemory Build(ToolArgs a, string agentId)
    {
        var request = new StoreRequest
        {
            Title = a.Required("title"), Content = a.Required("content"),
            Tier = a.Str("tier") ?? Tiers.Mid, Namespace = a.Str("namespace") ?? McpSession.DefaultNamespace,
            Tags = a.StrList("tags") ?? [], Priority = a.Long("priority") ?? 5, Confidence = a.Double("confidence") ?? 1.0,
            Source = a.Str("source") ?? McpSession.DefaultSource, ExpiresAt = a.Str("expires_at"), TtlSecs = a.Long("ttl_secs"),
            Scope = a.Str("scope"), Metadata = a.Object("metadata") ?? new JsonObject(), AgentId = agentId,
        };
        var (memory, error) = request.Validate();
        McpSession.Check(error);
        return memory!;
    }

    /// <summary>The write itself (also what an approved pending store runs).</summary>
    public static string StoreValidated(McpSession s, NewMemory memory)
    {
        // v0.7.0 charges the session's agent first (src/mcp/tools/store.rs:795-803): a refusal is the tool's error text.
        if (AgentQuota.Charge(s.Store, memory, memory.AgentId ?? s.AgentId, s.Faults) is { } refusal) throw new ToolException(refusal.Message);
        var stored = s.Store.Upsert(memory).Stored;
        return McpSession.Pretty(new JsonObject
        {
            ["id"] = stored.Id, ["tier"] = stored.Tier, ["namespace"] = stored.Namespace, ["title"] = stored.Title,
            ["agent_id"] = memory.AgentId,
        });
    }

    private static string Recall(ToolArgs a, McpSession s)
    {
        var budget = a.Long("budget_tokens");
        // mcp_recall_ignores_namespace replays a memory_recall that drops its namespace argument and searches every namespace.
        var ns = s.Faults.IsOn(FaultSwitches.McpRecallIgnoresNamespace) ? null : a.Str("namespace");
        var result = s.Store.Recall(new RecallQuery
        {
            Context = a.Required("context"), Namespace = ns, Limit = a.Int("limit", 10, 0, 50),
            Tag = a.Str("tags"), Since = a.Str("since"), Until = a.Str("until"), BudgetTokens = budget,
        });
        var output = new JsonObject
        {
            ["memories"] = new JsonArray(result.Memories.Select(m => (JsonNode)MemoryJson.Scored(m)).ToArray()),
            ["count"] = result.Memories.Count, ["mode"] = "keyword", ["tokens_used"] = result.TokensUsed,
        };
        if (budget is not null) output["budget_tokens"] = budget;
        return TextFormat.Render(a, output);
    }

    private static string Search(ToolArgs a, McpSession s)
    {
        var query = a.Required("query");
        var rows = s.Store.Search(new SearchQuery
        {
            Query = query, Namespace = a.Str("namespace"), Tier = a.Str("tier"), Limit = a.Int("limit", 20, 0, 200),
        });
        return TextFormat.Render(a, new JsonObject { ["results"] = MemoryJson.Array(rows), ["count"] = rows.Count, ["query"] = query });
    }

    private static string List(ToolArgs a, McpSession s)
    {
        var rows = s.Store.List(new ListQuery
        {
            Namespace = a.Str("namespace"), Tier = a.Str("tier"), Limit = a.Int("limit", 20, 0, 200),
            Offset = a.Int("offset", 0, 0, int.MaxValue), AgentId = a.Str("agent_id"), Tag = a.Str("tags"),
        });
        return TextFormat.Render(a, new JsonObject { ["memories"] = MemoryJson.Array(rows), ["count"] = rows.Count });
    }

    private static string Update(ToolArgs a, McpSession s)
    {
        var current = s.Resolve(a.Required("id"));
        var expires = a.Str("expires_at");
        var clear = expires is "" or "null";
        McpSession.Check((a.Str("title") is { } t ? Validation.Title(t) : null)
            ?? (a.Str("content") is { } c ? Validation.Content(c) : null)
            ?? (a.Str("tier") is { } tier && !Tiers.IsValid(tier) ? $"invalid tier '{tier}'" : null)
            ?? (a.Str("namespace") is { } ns ? Validation.Namespace(ns) : null)
            ?? Validation.Tags(a.StrList("tags"))
            ?? (a.Long("priority") is { } p ? Validation.Priority(p) : null)
            ?? (a.Double("confidence") is { } conf ? Validation.Confidence(conf) : null)
            ?? (clear ? null : Validation.ExpiresAt(expires, allowPast: true))
            ?? (a.Has("metadata") ? Validation.Metadata(a.Raw["metadata"]) : null));
        try
        {
            var updated = s.Store.Update(current.Id, new MemoryPatch
            {
                Title = a.Str("title")?.Trim(), Content = a.Str("content"), Tier = a.Str("tier"), Namespace = a.Str("namespace")?.Trim(),
                Tags = a.StrList("tags"), Priority = (int?)a.Long("priority"), Confidence = a.Double("confidence"),
                ExpiresAt = clear ? null : expires, ClearExpiry = clear, Metadata = a.Object("metadata"),
            }) ?? throw new ToolException($"memory not found: {current.Id}");
            return McpSession.Pretty(MemoryJson.Node(updated));
        }
        catch (TitleConflictException e)
        {
            throw new ToolException(e.Message);
        }
    }

    private static string SessionStart(ToolArgs a, McpSession s)
    {
        var limit = a.Int("limit", 10, 0, 50);
        var rows = s.Store.List(new ListQuery { Namespace = a.Str("namespace"), Limit = 1000 })
            .OrderByDescending(m => m.UpdatedAt, StringComparer.Ordinal).Take(limit).ToList();
        return TextFormat.Render(a, new JsonObject { ["memories"] = MemoryJson.Array(rows), ["count"] = rows.Count, ["summary"] = null });
    }
}
