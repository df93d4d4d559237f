using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>GET/POST /api/v1/recall (keyword OR, mutating) and GET /api/v1/search (keyword AND, read-only), §1.10.</summary>
public static class RecallRoutes
{
    public const int DefaultRecallLimit = 10;
    public const int MaxRecallLimit = 50;

    public static async Task RecallGet(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        await SlowAsync(ctx, node);
        await Recall(ctx, node, q.String("context"), q.String("namespace"), q.Integer("limit", 0, long.MaxValue),
            q.String("tags"), q.String("since"), q.String("until"), q.String("as_agent"), q.Integer("budget_tokens", 0, long.MaxValue));
    }

    public static async Task RecallPost(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        await SlowAsync(ctx, node);
        await Recall(ctx, node, f.RequiredString("context"), f.OptionalString("namespace"), f.OptionalInteger("limit", 0, long.MaxValue),
            f.OptionalString("tags"), f.OptionalString("since"), f.OptionalString("until"), f.OptionalString("as_agent"),
            f.OptionalInteger("budget_tokens", 0, long.MaxValue));
    }

    public static Task Search(HttpContext ctx, NodeContext node)
    {
        var q = new QueryArgs(ctx.Request.Query);
        var text = q.String("q") ?? throw Rejection.BadQuery("missing field `q`");
        if (string.IsNullOrWhiteSpace(text)) throw Rejection.BadRequest("q is required");
        AsAgent(q.String("as_agent"));
        var agentId = q.String("agent_id");
        if (agentId is not null && Validation.AgentId(agentId) is { } bad) throw Rejection.BadRequest(bad);
        var rows = node.Store.Search(new SearchQuery
        {
            Query = text, Namespace = q.String("namespace"), Tier = q.Tier(),
            Limit = (int)Math.Min(q.Integer("limit", 0, long.MaxValue) ?? MemoryRoutes.DefaultLimit, MemoryRoutes.MaxLimit),
            MinPriority = (int?)q.Integer("min_priority"), Since = q.String("since"), Until = q.String("until"),
            Tag = q.String("tags"), AgentId = agentId,
        });
        return Reply.Json(ctx, 200, new JsonObject { ["results"] = Reply.Memories(rows), ["count"] = rows.Count, ["query"] = text });
    }

    // http_recall_slow_2s replays a recall that scans instead of using its index: right answers, 2 s late.
    private static Task SlowAsync(HttpContext ctx, NodeContext node) =>
        node.Faults.IsOn(Faults.FaultSwitches.HttpRecallSlow2s) ? Task.Delay(TimeSpan.FromSeconds(2), ctx.RequestAborted) : Task.CompletedTask;

    private static Task Recall(HttpContext ctx, NodeContext node, string? context, string? ns, long? limit,
        string? tags, string? since, string? until, string? asAgent, long? budget)
    {
        if (string.IsNullOrWhiteSpace(context)) throw Rejection.BadRequest("context is required");
        AsAgent(asAgent);
        var result = node.Store.Recall(new RecallQuery
        {
            Context = context, Namespace = ns, Limit = (int)Math.Min(limit ?? DefaultRecallLimit, MaxRecallLimit),
            Tag = tags, Since = since, Until = until, BudgetTokens = budget,
        });
        var body = new JsonObject
        {
            ["memories"] = new JsonArray(result.Memories.Select(m => (JsonNode)Reply.Scored(m)).ToArray()),
            ["count"] = result.Memories.Count,
            ["tokens_used"] = result.TokensUsed,
        };
        if (budget is not null) body["budget_tokens"] = budget;
        return Reply.Json(ctx, 200, body);
    }

    // as_agent is namespace-shaped; v0.6.0 only validates it on these routes.
    private static void AsAgent(string? asAgent)
    {
        if (asAgent is not null && Validation.Namespace(asAgent) is { } error) throw Rejection.BadRequest($"invalid as_agent: {error}");
    }
}
