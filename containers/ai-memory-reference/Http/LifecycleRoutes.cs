using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>POST /forget, /consolidate and /gc (contract §1.2): local only, none of them fans out at v0.6.0.</summary>
public static class LifecycleRoutes
{
    public static async Task Forget(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var (ns, pattern, tier) = (f.OptionalString("namespace"), f.OptionalString("pattern"), f.OptionalTier());
        await Reply.Json(ctx, 200, Checked(() => Lifecycle.Forget(node.Store, ns, pattern, tier)));
    }

    public static async Task Consolidate(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var ids = f.OptionalStrings("ids") ?? throw Rejection.WrongShape("missing field `ids`");
        var title = f.RequiredString("title");
        var summary = f.RequiredString("summary");
        var ns = f.OptionalString("namespace") ?? "global";
        var tier = f.OptionalTier() ?? Tiers.Long;
        var agentId = Identity.Resolve(ctx, f.OptionalString("agent_id"));
        await Reply.Json(ctx, 201, Checked(() => Lifecycle.Consolidate(node.Store, ids, title, summary, ns, tier, agentId)));
    }

    public static Task Gc(HttpContext ctx, NodeContext node) => Reply.Json(ctx, 200, Lifecycle.CollectGarbage(node.Store));

    /// <summary>A shared operation's ArgumentException is the handler's 400 {"error":…}.</summary>
    internal static JsonObject Checked(Func<JsonObject> operation)
    {
        try { return operation(); }
        catch (ArgumentException e) { throw Rejection.BadRequest(e.Message); }
    }
}
