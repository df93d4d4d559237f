using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Http;

/// <summary>GET /agents and POST /agents (201): the `_agents` registry (contract §1.2).</summary>
public static class AgentRoutes
{
    public static Task List(HttpContext ctx, NodeContext node) => Reply.Json(ctx, 200, AgentRegistry.ListJson(node.Store));

    public static async Task Register(HttpContext ctx, NodeContext node)
    {
        var f = BodyFields.Of(await RequestBody.ReadJsonAsync(ctx));
        var (agentId, agentType) = (f.RequiredString("agent_id"), f.RequiredString("agent_type"));
        var capabilities = f.OptionalStrings("capabilities") ?? [];
        await Reply.Json(ctx, 201, LifecycleRoutes.Checked(() => AgentRegistry.Register(node.Store, agentId, agentType, capabilities)));
    }
}
