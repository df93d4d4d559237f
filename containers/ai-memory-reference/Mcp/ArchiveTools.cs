using System.Text.Json.Nodes;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>The archive that forget and gc fill: list, restore, purge, stats. Each answers what its /archive route answers.</summary>
public static class ArchiveTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_archive_list", "List archived memories, newest first.",
            Schema.Of([], ("namespace", "string", "Exact namespace"), ("limit", "integer", "Max rows (default 50, max 1000)"),
                ("offset", "integer", "Rows to skip")),
            (a, s) => McpSession.Pretty(ArchiveTable.ListJson(s.Store, a.Str("namespace"),
                a.Int("limit", ArchiveTable.DefaultListLimit, 1, ArchiveTable.MaxListLimit), a.Int("offset", 0, 0, int.MaxValue)))),
        new("memory_archive_restore", "Restore an archived memory into the live store (long tier, no expiry).",
            Schema.Of(["id"], ("id", "string", "Archived memory id")),
            (a, s) =>
            {
                var id = a.Required("id");
                try
                {
                    return ArchiveTable.Restore(s.Store, id) ? McpSession.Pretty(ArchiveTable.RestoredJson(id))
                        : throw new ToolException($"not found in archive: {id}");
                }
                catch (InvalidOperationException e) { throw new ToolException(e.Message); }
            }),
        new("memory_archive_purge", "Permanently delete archived memories (all, or those older than N days).",
            Schema.Of([], ("older_than_days", "integer", "Only purge rows archived more than this many days ago")),
            (a, s) =>
            {
                try { return McpSession.Pretty(new JsonObject { ["purged"] = ArchiveTable.Purge(s.Store, a.Long("older_than_days")) }); }
                catch (ArgumentOutOfRangeException e) { throw new ToolException(e.Message); }
            }),
        new("memory_archive_stats", "Counts of archived memories.",
            Schema.Of([]),
            (_, s) => McpSession.Pretty(ArchiveTable.StatsJson(s.Store))),
    ];
}
