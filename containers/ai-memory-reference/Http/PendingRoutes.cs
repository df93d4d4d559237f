using AiMemory.Reference.Mcp;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>The governance queue: GET /pending, POST /pending/{id}/approve and /reject; the decider is X-Agent-Id.</summary>
public static class PendingRoutes
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string Gone = "pending action not found or already decided";

    public static Task List(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        var limit = (int)Math.Min(q.Integer("limit", 0, long.MaxValue) ?? DefaultLimit, MaxLimit);
        return Reply.Json(ctx, 200, PendingActions.ListJson(node.Store, q.String("status"), limit));
    }

    public static Task Approve(HttpContext ctx, NodeContext node)
    {
        var id = MemoryRoutes.RouteId(ctx);
        return Governance.Approve(node.Store, id, Identity.Resolve(ctx)) is { } body ? Reply.Json(ctx, 200, body) : Reply.Error(ctx, 404, Gone);
    }

    public static Task Reject(HttpContext ctx, NodeContext node)
    {
        var id = MemoryRoutes.RouteId(ctx);
        return Governance.Reject(node.Store, id, Identity.Resolve(ctx)) is { } body ? Reply.Json(ctx, 200, body) : Reply.Error(ctx, 404, Gone);
    }
}
