using System.Text.Json.Nodes;

namespace AiMemory.Reference.Tests.Support;

/// <summary>Full memory rows as a peer pushes them (/sync/push), and the push body around them.</summary>
public static class PushedRow
{
    public static JsonObject Of(string ns, string title, string updatedAt = "2026-01-02T00:00:00.000000000+00:00",
        string? expiresAt = null, string source = "api", string? id = null)
    {
        var row = new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(), ["tier"] = "mid", ["namespace"] = ns, ["title"] = title,
            ["content"] = $"pushed content of {title}", ["tags"] = new JsonArray(), ["priority"] = 5, ["confidence"] = 1.0,
            ["source"] = source, ["access_count"] = 0, ["created_at"] = "2026-01-01T00:00:00.000000000+00:00",
            ["updated_at"] = updatedAt, ["metadata"] = new JsonObject { ["agent_id"] = "ai:origin" },
        };
        if (expiresAt is not null) row["expires_at"] = expiresAt;
        return row;
    }

    public static string Push(string sender, IEnumerable<JsonObject> rows, bool dryRun = false) => new JsonObject
    {
        ["sender_agent_id"] = sender, ["memories"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()), ["dry_run"] = dryRun,
    }.ToJsonString();

    /// <summary>A row whose expiry has passed: gc collects it at once.</summary>
    public static JsonObject Expired(string ns, string title) => Of(ns, title, expiresAt: "2026-01-01T01:00:00.000000000+00:00");
}
