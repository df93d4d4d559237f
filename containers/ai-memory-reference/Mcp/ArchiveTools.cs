using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>The archive that forget and gc fill: list, restore, purge, stats.</summary>
public static class ArchiveTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_archive_list", "List archived memories, newest first.",
            Schema.Of([], ("namespace", "string", "Exact namespace"), ("limit", "integer", "Max rows (default 50, max 1000)"),
                ("offset", "integer", "Rows to skip")),
            (a, s) =>
            {
                var rows = ArchiveTable.List(s.Store, a.Str("namespace"), a.Int("limit", 50, 0, 1000), a.Int("offset", 0, 0, int.MaxValue));
                var items = rows.Select(r =>
                {
                    var node = MemoryJson.Node(r.Memory);
                    node["archived_at"] = r.ArchivedAt;
                    node["archive_reason"] = r.Reason;
                    return (JsonNode)node;
                }).ToArray();
                return McpSession.Pretty(new JsonObject { ["archived"] = new JsonArray(items), ["count"] = items.Length });
            }),
        new("memory_archive_restore", "Restore an archived memory into the live store.",
            Schema.Of(["id"], ("id", "string", "Archived memory id")),
            (a, s) =>
            {
                var id = a.Required("id");
                Memory restored;
                try { restored = ArchiveTable.Restore(s.Store, id) ?? throw new ToolException($"not found in archive: {id}"); }
                catch (InvalidOperationException e) { throw new ToolException(e.Message); }
                return McpSession.Pretty(new JsonObject { ["restored"] = true, ["id"] = restored.Id, ["namespace"] = restored.Namespace });
            }),
        new("memory_archive_purge", "Permanently delete archived memories (all, or those older than N days).",
            Schema.Of([], ("older_than_days", "integer", "Only purge rows archived more than this many days ago")),
            (a, s) => McpSession.Pretty(new JsonObject { ["purged"] = ArchiveTable.Purge(s.Store, a.Long("older_than_days")) })),
        new("memory_archive_stats", "Counts of archived memories.",
            Schema.Of([]),
            (_, s) =>
            {
                var (total, byNamespace) = ArchiveTable.Stats(s.Store);
                return McpSession.Pretty(new JsonObject
                {
                    ["archived_total"] = total, ["by_namespace"] = JsonSerializer.SerializeToNode(byNamespace, Json.Types.NamespaceCounts),
                });
            }),
    ];
}
