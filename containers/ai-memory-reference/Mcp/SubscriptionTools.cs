using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>Webhook subscriptions: registered, listed and removed (delivery is outside what the reference node does).</summary>
public static class SubscriptionTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_subscribe", "Register a webhook subscription for memory events.",
            Schema.Of(["url"], ("url", "string", "http(s) URL to call"), ("events", "string", "Comma list of events (default *)"),
                ("secret", "string", "HMAC secret"), ("namespace", "string", "Only events in this namespace"),
                ("agent_id", "string", "Only events by this agent")),
            (a, s) =>
            {
                var url = a.Required("url");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new ToolException($"invalid webhook url '{url}' (http or https required)");
                if (a.Str("namespace") is { } ns) McpSession.Check(Validation.Namespace(ns));
                if (a.Str("agent_id") is { } agent) McpSession.Check(Validation.AgentId(agent));
                var sub = Subscriptions.Add(s.Store, url, a.Str("events") ?? "*", a.Str("secret"), a.Str("namespace"), a.Str("agent_id"), s.AgentId);
                return McpSession.Pretty(Subscriptions.ToJson(sub));
            }),
        new("memory_unsubscribe", "Delete a webhook subscription.",
            Schema.Of(["id"], ("id", "string", "Subscription id")),
            (a, s) =>
            {
                var id = a.Required("id");
                if (!Subscriptions.Remove(s.Store, id)) throw new ToolException($"subscription not found: {id}");
                return McpSession.Pretty(new JsonObject { ["removed"] = true, ["id"] = id });
            }),
        new("memory_list_subscriptions", "List webhook subscriptions.",
            Schema.Of([]),
            (_, s) =>
            {
                var subs = Subscriptions.List(s.Store);
                return McpSession.Pretty(new JsonObject
                {
                    ["subscriptions"] = new JsonArray(subs.Select(x => (JsonNode)Subscriptions.ToJson(x)).ToArray()), ["count"] = subs.Count,
                });
            }),
    ];
}
