using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

public sealed record Link(string SourceId, string TargetId, string Relation, string CreatedAt);

/// <summary>memory_links: typed, directed links between memories; rows cascade away with either end.</summary>
public static class LinkTable
{
    public static readonly IReadOnlyList<string> Relations = ["related_to", "supersedes", "contradicts", "derived_from"];

    /// <summary>Links the two rows (ids already resolved to full ids); an existing identical link is kept as it is.</summary>
    public static Link Create(IMemoryStore store, string sourceId, string targetId, string relation)
    {
        if (!Relations.Contains(relation))
            throw new ArgumentException($"invalid relation '{relation}' (allowed: {string.Join(", ", Relations)})");
        if (sourceId == targetId) throw new ArgumentException("a memory cannot link to itself");
        var link = new Link(sourceId, targetId, relation, Timestamps.Now());
        store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT OR IGNORE INTO memory_links (source_id, target_id, relation, created_at) VALUES ($s, $t, $r, $c)";
            cmd.Parameters.AddWithValue("$s", sourceId);
            cmd.Parameters.AddWithValue("$t", targetId);
            cmd.Parameters.AddWithValue("$r", relation);
            cmd.Parameters.AddWithValue("$c", link.CreatedAt);
            return cmd.ExecuteNonQuery();
        });
        return link;
    }

    /// <summary>Links in both directions touching the id.</summary>
    public static IReadOnlyList<Link> For(IMemoryStore store, string id) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT source_id, target_id, relation, created_at FROM memory_links " +
                          "WHERE source_id = $id OR target_id = $id ORDER BY created_at, source_id, target_id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var links = new List<Link>();
        while (r.Read()) links.Add(new Link(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return links;
    });

    /// <summary>Every link, for export.</summary>
    public static IReadOnlyList<Link> All(IMemoryStore store) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT source_id, target_id, relation, created_at FROM memory_links ORDER BY created_at, source_id, target_id";
        using var r = cmd.ExecuteReader();
        var links = new List<Link>();
        while (r.Read()) links.Add(new Link(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return links;
    });

    /// <summary>What POST /links and memory_link answer.</summary>
    public static JsonObject LinkedJson() => new() { ["linked"] = true };

    /// <summary>What GET /links/{id} and memory_get_links answer: {"links":[…]}.</summary>
    public static JsonObject ForJson(IMemoryStore store, string id) => new() { ["links"] = ToJson(For(store, id)) };

    public static JsonArray ToJson(IEnumerable<Link> links) => new(links.Select(l => (JsonNode)new JsonObject
    {
        ["source_id"] = l.SourceId, ["target_id"] = l.TargetId, ["relation"] = l.Relation, ["created_at"] = l.CreatedAt,
    }).ToArray());
}
