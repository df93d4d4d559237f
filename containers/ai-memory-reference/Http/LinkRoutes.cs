using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>POST /links (201 {"linked":true}) and GET /links/{id} (both directions).</summary>
public static class LinkRoutes
{
    public static async Task Create(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var (source, target) = (f.RequiredString("source_id"), f.RequiredString("target_id"));
        var relation = f.OptionalString("relation") ?? "related_to";
        if ((Validation.Id(source) ?? Validation.Id(target)) is { } bad) throw Rejection.BadRequest(bad);
        // An id that names no memory fails the foreign key: a 500, as at v0.6.0.
        await Reply.Json(ctx, 201, LifecycleRoutes.Checked(() =>
        {
            LinkTable.Create(node.Store, source, target, relation);
            return LinkTable.LinkedJson();
        }));
    }

    public static Task Get(HttpContext ctx, NodeContext node) =>
        Reply.Json(ctx, 200, LinkTable.ForJson(node.Store, MemoryRoutes.RouteId(ctx)));
}
