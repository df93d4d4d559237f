using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>GET/DELETE /archive, POST /archive/{id}/restore, GET /archive/stats (contract §1.2).</summary>
public static class ArchiveRoutes
{
    public static Task List(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        var limit = (int)Math.Clamp(q.Integer("limit", 0, long.MaxValue) ?? ArchiveTable.DefaultListLimit, 1, ArchiveTable.MaxListLimit);
        var offset = (int)(q.Integer("offset", 0, int.MaxValue) ?? 0);
        return Reply.Json(ctx, 200, ArchiveTable.ListJson(node.Store, q.String("namespace"), limit, offset));
    }

    /// <summary>A negative older_than_days fails inside the purge: a 500, as at v0.6.0.</summary>
    public static Task Purge(HttpContext ctx, NodeContext node)
    {
        var days = new QueryArgs(ctx.Request.Query).Integer("older_than_days", long.MinValue, long.MaxValue);
        return Reply.Json(ctx, 200, new System.Text.Json.Nodes.JsonObject { ["purged"] = ArchiveTable.Purge(node.Store, days) });
    }

    /// <summary>A live row under the same id makes the restore fail: a 500, as at v0.6.0.</summary>
    public static Task Restore(HttpContext ctx, NodeContext node)
    {
        var id = MemoryRoutes.RouteId(ctx);
        return ArchiveTable.Restore(node.Store, id)
            ? Reply.Json(ctx, 200, ArchiveTable.RestoredJson(id))
            : Reply.Error(ctx, 404, "not found in archive");
    }

    public static Task Stats(HttpContext ctx, NodeContext node) => Reply.Json(ctx, 200, ArchiveTable.StatsJson(node.Store));
}
