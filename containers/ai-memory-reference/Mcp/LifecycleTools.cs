using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>Tools that remove, raise or merge rows: delete, promote, forget (archives first), gc, consolidate.</summary>
public static class LifecycleTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_delete", "Delete one memory by id (or unique prefix).",
            Schema.Of(["id"], ("id", "string", "Memory id or unique prefix")), Delete),
        new("memory_promote", "Promote a memory to the long tier (no expiry), or clone it into an ancestor namespace.",
            Schema.Of(["id"], ("id", "string", "Memory id or unique prefix"),
                ("to_namespace", "string", "Ancestor namespace to clone into instead")), Promote),
        new("memory_forget", "Bulk-forget memories by namespace, text pattern and/or tier. Rows are archived first.",
            Schema.Of([], ("namespace", "string", "Exact namespace"), ("pattern", "string", "Case-insensitive text in title or content"),
                ("tier", "string", "Tier filter"), ("dry_run", "boolean", "Only report what would be forgotten")), Forget),
        new("memory_consolidate", "Merge several memories into one long-term memory; the originals are removed.",
            Schema.Of(["ids", "title"], ("ids", "string[]", "Ids to merge (at least 2)"), ("title", "string", "Title of the result"),
                ("summary", "string", "Content of the result (default: the originals joined)"),
                ("namespace", "string", "Namespace of the result (default: the first original's)"),
                ("tier", "string", "Tier of the result (default long)")), Consolidate),
        new("memory_gc", "Collect expired memories (archived first).",
            Schema.Of([], ("dry_run", "boolean", "Only count what would be collected")), Gc),
    ];

    private static string Delete(ToolArgs a, McpSession s)
    {
        var m = s.Resolve(a.Required("id"));
        if (Governance.Gate(s, m.Namespace, "delete", "delete", m, a.Raw) is { } pending) return pending;
        return DeleteNow(s, m.Id);
    }

    public static string DeleteNow(McpSession s, string id)
    {
        if (!s.Store.Delete(id)) throw new ToolException($"memory not found: {id}");
        return McpSession.Pretty(new JsonObject { ["deleted"] = true, ["id"] = id });
    }

    private static string Promote(ToolArgs a, McpSession s)
    {
        var m = s.Resolve(a.Required("id"));
        if (a.Str("to_namespace") is { } target)
        {
            McpSession.Check(Validation.Namespace(target));
            if (!m.Namespace.StartsWith(target + "/", StringComparison.Ordinal))
                throw new ToolException($"'{target}' is not an ancestor of '{m.Namespace}'");
            var metadata = (JsonObject)m.Metadata.DeepClone();
            metadata["promoted_from"] = m.Id;
            var clone = s.Store.Upsert(new NewMemory
            {
                Title = m.Title, Content = m.Content, Tier = Tiers.Long, Namespace = target, Tags = m.Tags,
                Priority = m.Priority, Confidence = m.Confidence, Source = m.Source, Metadata = metadata, AgentId = s.AgentId,
            }).Stored;
            return McpSession.Pretty(new JsonObject { ["promoted"] = true, ["id"] = m.Id, ["clone_id"] = clone.Id, ["namespace"] = target });
        }
        if (Governance.Gate(s, m.Namespace, "promote", "promote", m, a.Raw) is { } pending) return pending;
        return PromoteNow(s, m.Id);
    }

    public static string PromoteNow(McpSession s, string id)
    {
        var updated = s.Store.Update(id, new MemoryPatch { Tier = Tiers.Long, ClearExpiry = true })
                      ?? throw new ToolException($"memory not found: {id}");
        return McpSession.Pretty(new JsonObject { ["promoted"] = true, ["id"] = updated.Id, ["tier"] = updated.Tier });
    }

    private static string Forget(ToolArgs a, McpSession s)
    {
        var tier = a.Str("tier");
        if (tier is not null && !Tiers.IsValid(tier)) throw new ToolException($"invalid tier '{tier}'");
        try
        {
            if (!a.Bool("dry_run")) return McpSession.Pretty(Lifecycle.Forget(s.Store, a.Str("namespace"), a.Str("pattern"), tier));
            var victims = Lifecycle.ForgetCandidates(s.Store, a.Str("namespace"), a.Str("pattern"), tier);
            return McpSession.Pretty(new JsonObject
            {
                ["dry_run"] = true, ["would_forget"] = victims.Count,
                ["ids"] = new JsonArray(victims.Select(v => (JsonNode)v.Id).ToArray()),
            });
        }
        catch (ArgumentException e) { throw new ToolException(e.Message); }
    }

    private static string Gc(ToolArgs a, McpSession s) => a.Bool("dry_run")
        ? McpSession.Pretty(new JsonObject { ["dry_run"] = true, ["would_collect"] = ArchiveTable.Expired(s.Store).Count })
        : McpSession.Pretty(Lifecycle.CollectGarbage(s.Store));

    private static string Consolidate(ToolArgs a, McpSession s)
    {
        var ids = a.StrList("ids") ?? throw new ToolException("missing required argument: ids");
        var title = a.Required("title");
        var sources = ids.Select(s.Resolve).DistinctBy(m => m.Id).ToList();
        if (sources.Count < 2) throw new ToolException("memory_consolidate needs at least 2 distinct memories");
        var tier = a.Str("tier") ?? Tiers.Long;
        if (!Tiers.IsValid(tier)) throw new ToolException($"invalid tier '{tier}'");
        try
        {
            return McpSession.Pretty(Lifecycle.Consolidate(s.Store, sources.Select(m => m.Id).ToList(), title,
                a.Str("summary") ?? string.Join("\n\n", sources.Select(m => $"{m.Title}: {m.Content}")),
                a.Str("namespace") ?? sources[0].Namespace, tier, s.AgentId));
        }
        catch (ArgumentException e) { throw new ToolException(e.Message); }
    }
}
