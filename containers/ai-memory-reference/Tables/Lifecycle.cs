using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

/// <summary>
/// The bulk removals and the merge that POST /forget, /gc, /consolidate and the memory_forget, memory_gc and
/// memory_consolidate tools share; each returns the body both answer. Bad input is an ArgumentException.
/// </summary>
public static class Lifecycle
{
    public const int MaxConsolidate = 100;

    /// <summary>Rows matching every given filter (exact namespace, case-insensitive text in title or content, tier).</summary>
    public static IReadOnlyList<Memory> ForgetCandidates(IMemoryStore store, string? ns, string? pattern, string? tier)
    {
        if (ns is null && string.IsNullOrEmpty(pattern) && tier is null)
            throw new ArgumentException("forget requires at least one of namespace, pattern, tier");
        return store.List(new ListQuery { Namespace = ns, Tier = tier, Limit = int.MaxValue })
            .Where(m => string.IsNullOrEmpty(pattern)
                        || m.Title.Contains(pattern, StringComparison.OrdinalIgnoreCase)
                        || m.Content.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Archives (reason "forget") and deletes the matching rows: {"deleted":n}.</summary>
    public static JsonObject Forget(IMemoryStore store, string? ns, string? pattern, string? tier)
    {
        var victims = ForgetCandidates(store, ns, pattern, tier);
        foreach (var m in victims) ArchiveTable.Archive(store, m, "forget");
        return new JsonObject { ["deleted"] = victims.Count };
    }

    /// <summary>Expired rows go to the archive (reason "ttl_expired", as v0.6.0's archive_on_gc) and away: {"expired_deleted":n}.</summary>
    public static JsonObject CollectGarbage(IMemoryStore store)
    {
        var expired = ArchiveTable.Expired(store);
        foreach (var m in expired) ArchiveTable.Archive(store, m, "ttl_expired");
        return new JsonObject { ["expired_deleted"] = expired.Count + store.CollectGarbage() };
    }

    /// <summary>
    /// Merges the rows (full ids) into one new row — summary as content, union of tags, highest priority and confidence,
    /// source "consolidation" — then deletes the originals: {"id","consolidated"}. A missing id is a KeyNotFoundException.
    /// </summary>
    public static JsonObject Consolidate(IMemoryStore store, IReadOnlyList<string> ids, string title, string summary, string ns,
        string tier, string agentId)
    {
        if (ids.Count is < 2 or > MaxConsolidate) throw new ArgumentException($"consolidate needs between 2 and {MaxConsolidate} ids");
        if (ids.Select(Validation.Id).FirstOrDefault(e => e is not null) is { } badId) throw new ArgumentException(badId);
        if ((Validation.Title(title) ?? Validation.Content(summary) ?? Validation.Namespace(ns)) is { } bad) throw new ArgumentException(bad);

        var sources = ids.Distinct(StringComparer.Ordinal)
            .Select(id => store.Get(id) is { } m && m.Id == id ? m : throw new KeyNotFoundException($"memory not found: {id}")).ToList();
        var metadata = new JsonObject
        {
            ["consolidated_from"] = new JsonArray(sources.Select(m => (JsonNode)m.Id).ToArray()),
            ["consolidated_from_agents"] = new JsonArray(sources.Select(m => m.Metadata["agent_id"]?.DeepClone()).Where(a => a is not null).ToArray()),
        };
        var merged = store.Upsert(new NewMemory
        {
            Title = title.Trim(), Content = summary, Tier = tier, Namespace = ns,
            Tags = sources.SelectMany(m => m.Tags).Distinct(StringComparer.Ordinal).Take(Validation.MaxTags).ToList(),
            Priority = sources.Max(m => m.Priority), Confidence = sources.Max(m => m.Confidence),
            Source = "consolidation", Metadata = metadata, AgentId = agentId,
        }).Stored;
        foreach (var m in sources.Where(m => m.Id != merged.Id)) store.Delete(m.Id);
        return new JsonObject { ["id"] = merged.Id, ["consolidated"] = ids.Count };
    }
}
