using AiMemory.Reference.Model;

namespace AiMemory.Reference.Http;

/// <summary>Who is writing (contract §1.5 "Identity"): body agent_id, else X-Agent-Id, else a fresh anonymous id.</summary>
public static class Identity
{
    public const string Header = "X-Agent-Id";

    public static string Resolve(HttpContext ctx, string? bodyAgentId = null)
    {
        var chosen = !string.IsNullOrEmpty(bodyAgentId) ? bodyAgentId
            : ctx.Request.Headers[Header] is { Count: > 0 } h && !string.IsNullOrEmpty(h[0]) ? h[0]!
            : $"anonymous:req-{Random.Shared.Next():x8}";
        return Validation.AgentId(chosen) is { } error ? throw Rejection.BadRequest(error) : chosen;
    }
}
