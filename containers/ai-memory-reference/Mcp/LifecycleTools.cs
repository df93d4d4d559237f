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
                ("namespace", "string", "Namespace of the result (default: the first original's)")), Consolidate),
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
        var ns = a.Str("namespace");
        var pattern = a.Str("pattern");
        var tier = a.Str("tier");
        if (ns is null && string.IsNullOrEmpty(pattern) && tier is null)
            throw new ToolException("memory_forget needs at least one of namespace, pattern, tier");
        if (tier is not null && !Tiers.IsValid(tier)) throw new ToolException($"invalid tier '{tier}'");
        var victims = s.Store.List(new ListQuery { Namespace = ns, Tier = tier, Limit = int.MaxValue })
            .Where(m => string.IsNullOrEmpty(pattern)
                        || m.Title.Contains(pattern, StringComparison.OrdinalIgnoreCase)
                        || m.Content.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (a.Bool("dry_run"))
            return McpSession.Pretty(new JsonObject
            {
                ["dry_run"] = true, ["would_forget"] = victims.Count,
                ["ids"] = new JsonArray(victims.Select(v => (JsonNode)v.Id).ToArray()),
            });
        foreach (var m in victims) ArchiveTable.Archive(s.Store, m, "forget");
        return McpSession.Pretty(new JsonObject { ["forgotten"] = victims.Count, ["archived"] = victims.Count });
    }

    private static string Gc(ToolArgs a, McpSession s)
    {
        var expired = ArchiveTable.Expired(s.Store);
        if (a.Bool("dry_run")) return McpSession.Pretty(new JsonObject { ["dry_run"] = true, ["would_collect"] = expired.Count });
        foreach (var m in expired) ArchiveTable.Archive(s.Store, m, "gc");
        var rest = s.Store.CollectGarbage();
        return McpSession.Pretty(new JsonObject { ["collected"] = expired.Count + rest, ["archived"] = expired.Count });
    }

    private static string Consolidate(ToolArgs a, McpSession s)
    {
        var ids = a.StrList("ids") ?? throw new ToolException("missing required argument: ids");
        var title = a.Required("title");
        var sources = ids.Select(s.Resolve).DistinctBy(m => m.Id).ToList();
        if (sources.Count < 2) throw new ToolException("memory_consolidate needs at least 2 distinct memories");
        var content = a.Str("summary") ?? string.Join("\n\n", sources.Select(m => $"{m.Title}: {m.Content}"));
        var ns = a.Str("namespace") ?? sources[0].Namespace;
        var tags = sources.SelectMany(m => m.Tags).Distinct(StringComparer.Ordinal).Take(Validation.MaxTags).ToList();
        McpSession.Check(Validation.Title(title) ?? Validation.Content(content) ?? Validation.Namespace(ns));

        var metadata = new JsonObject { ["consolidated_from"] = new JsonArray(sources.Select(m => (JsonNode)m.Id).ToArray()) };
        var merged = s.Store.Upsert(new NewMemory
        {
            Title = title.Trim(), Content = content, Tier = Tiers.Long, Namespace = ns, Tags = tags,
            Priority = sources.Max(m => m.Priority), Confidence = sources.Max(m => m.Confidence),
            Source = "consolidation", Metadata = metadata, AgentId = s.AgentId,
        }).Stored;
        foreach (var m in sources.Where(m => m.Id != merged.Id)) s.Store.Delete(m.Id);
        return McpSession.Pretty(new JsonObject { ["id"] = merged.Id, ["consolidated"] = sources.Count, ["title"] = merged.Title });
    }
}
