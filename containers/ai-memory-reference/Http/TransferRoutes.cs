using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>GET /export (every live row and the links between them) and POST /import (full rows, ≤ 1000, plus links).</summary>
public static class TransferRoutes
{
    public const int MaxImport = 1000;

    public static Task Export(HttpContext ctx, NodeContext node)
    {
        var rows = node.Store.List(new ListQuery { Limit = int.MaxValue }).OrderBy(m => m.CreatedAt, StringComparer.Ordinal).ToList();
        var live = rows.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var links = LinkTable.All(node.Store).Where(l => live.Contains(l.SourceId) && live.Contains(l.TargetId));
        return Reply.Json(ctx, 200, new JsonObject
        {
            ["memories"] = Reply.Memories(rows), ["links"] = LinkTable.ToJson(links), ["count"] = rows.Count,
            ["exported_at"] = Timestamps.Now(),
        });
    }

    public static async Task Import(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var memories = SyncRoutes.ReadMemories(f.Raw("memories"), f.Has("memories"));
        if (memories.Count > MaxImport) throw Rejection.BadRequest($"import limited to {MaxImport} memories");

        var imported = 0;
        var errors = new JsonArray();
        foreach (var memory in memories)
        {
            if (Validation.SyncedMemory(memory, node.Faults) is { } invalid) errors.Add((JsonNode)$"{memory.Id}: {invalid}");
            else if (node.Store.Merge(memory) == MergeOutcome.Skipped) errors.Add((JsonNode)$"{memory.Id}: id already used by another memory");
            else imported++;
        }
        // Links are best effort, as at v0.6.0: an invalid or dangling one is dropped silently.
        foreach (var (source, target, relation) in Links(f.Raw("links")))
        {
            try { LinkTable.Create(node.Store, source, target, relation); }
            catch (Exception e) when (e is ArgumentException or Microsoft.Data.Sqlite.SqliteException) { }
        }
        await Reply.Json(ctx, 200, new JsonObject { ["imported"] = imported, ["errors"] = errors });
    }

    private static IEnumerable<(string, string, string)> Links(JsonElement? raw)
    {
        if (raw is not { ValueKind: JsonValueKind.Array } array) yield break;
        foreach (var link in array.EnumerateArray())
        {
            if (link.ValueKind != JsonValueKind.Object) continue;
            var l = BodyFields.Of(link, "link");
            if (l.OptionalString("source_id") is { } s && l.OptionalString("target_id") is { } t)
                yield return (s, t, l.OptionalString("relation") ?? "related_to");
        }
    }
}
