using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>List, get, update, delete and promote (contract §1.6, §1.7). All local: none of these fan out at v0.6.0.</summary>
public static class MemoryRoutes
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;
    /// <summary>v0.7.0 clamps a page to MAX_BULK_SIZE (src/handlers/http.rs:2669, transport.rs:1384).</summary>
    public const int V070MaxLimit = 1000;

    public static Task List(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        var max = Release.ReleaseVersion.IsV070 ? V070MaxLimit : MaxLimit;
        var limit = (int)Math.Min(q.Integer("limit", 0, long.MaxValue) ?? DefaultLimit, max);
        // list_page_cap_20 (benign): every page is capped at 20; a client that pages correctly still sees every row.
        if (node.Faults.IsOn(FaultSwitches.ListPageCap20)) limit = Math.Min(limit, 20);
        var agentId = q.String("agent_id");
        if (agentId is not null && Validation.AgentId(agentId) is { } bad) throw Rejection.BadRequest(bad);

        var rows = node.Store.List(new ListQuery
        {
            Namespace = q.String("namespace"), Tier = q.Tier(), Limit = limit,
            Offset = (int)(q.Integer("offset", 0, int.MaxValue) ?? 0),
            MinPriority = (int?)q.Integer("min_priority"), Since = q.String("since"), Until = q.String("until"),
            Tag = q.String("tags"), AgentId = agentId,
        });
        return Reply.Json(ctx, 200, new JsonObject { ["memories"] = Reply.Memories(rows), ["count"] = rows.Count });
    }

    public static Task Get(HttpContext ctx, NodeContext node)
    {
        var memory = node.Store.Get(RouteId(ctx));
        // http_get_unknown_answers_other replays a lookup that falls back to another memory when the id is unknown.
        if (memory is null && node.Faults.IsOn(FaultSwitches.HttpGetUnknownAnswersOther))
            memory = node.Store.List(new ListQuery { Limit = 1 }).FirstOrDefault();
        if (memory is null) return NotFound(ctx);
        var links = LinkTable.ToJson(LinkTable.For(node.Store, memory.Id));
        return Reply.Json(ctx, 200, new JsonObject { ["memory"] = Reply.Memory(memory), ["links"] = links });
    }

    public static async Task Update(HttpContext ctx, NodeContext node)
    {
        var id = RouteId(ctx);
        var patch = PatchBody.Parse(await RequestBody.ReadJsonAsync(ctx));
        try
        {
            var updated = node.Store.Update(id, patch);
            await (updated is null ? NotFound(ctx) : Reply.Json(ctx, 200, Reply.Memory(updated)));
        }
        catch (TitleConflictException e)
        {
            await Reply.Error(ctx, 409, e.Message);
        }
    }

    public static Task Delete(HttpContext ctx, NodeContext node)
    {
        var id = RouteId(ctx);
        Identity.Resolve(ctx);
        return node.Store.Delete(id) ? Reply.Json(ctx, 200, new JsonObject { ["deleted"] = true }) : NotFound(ctx);
    }

    public static Task Promote(HttpContext ctx, NodeContext node)
    {
        var id = RouteId(ctx);
        Identity.Resolve(ctx);
        var promoted = node.Store.Update(id, new MemoryPatch { Tier = Tiers.Long, ClearExpiry = true });
        return promoted is null ? NotFound(ctx)
            : Reply.Json(ctx, 200, new JsonObject { ["promoted"] = true, ["id"] = promoted.Id, ["tier"] = promoted.Tier });
    }

    internal static string RouteId(HttpContext ctx)
    {
        var id = ctx.Request.RouteValues["id"] as string;
        return Validation.Id(id) is { } error ? throw Rejection.BadRequest(error) : id!;
    }

    private static Task NotFound(HttpContext ctx) => Reply.Error(ctx, 404, "not found");
}
