using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

public sealed record Subscription(
    string Id, string Url, string Events, string? NamespaceFilter, string? AgentFilter, string? CreatedBy, string CreatedAt);

/// <summary>subscriptions: registered webhooks (kept, listed and deleted; the reference node does not deliver them).</summary>
public static class Subscriptions
{
    public static Subscription Add(IMemoryStore store, string url, string events, string? secret, string? nsFilter, string? agentFilter, string createdBy)
    {
        var sub = new Subscription(Guid.NewGuid().ToString(), url, events, nsFilter, agentFilter, createdBy, Timestamps.Now());
        store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO subscriptions (id, url, events, secret_hash, namespace_filter, agent_filter, created_by, created_at) " +
                              "VALUES ($id, $url, $events, $secret, $ns, $agent, $by, $at)";
            cmd.Parameters.AddWithValue("$id", sub.Id);
            cmd.Parameters.AddWithValue("$url", url);
            cmd.Parameters.AddWithValue("$events", events);
            // As v0.6.0: only a SHA-256 of the shared secret is kept, never the secret itself.
            cmd.Parameters.AddWithValue("$secret", secret is null ? (object)DBNull.Value
                : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))));
            cmd.Parameters.AddWithValue("$ns", (object?)nsFilter ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$agent", (object?)agentFilter ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$by", createdBy);
            cmd.Parameters.AddWithValue("$at", sub.CreatedAt);
            return cmd.ExecuteNonQuery();
        });
        return sub;
    }

    public static bool Remove(IMemoryStore store, string id) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "DELETE FROM subscriptions WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() > 0;
    });

    public static IReadOnlyList<Subscription> List(IMemoryStore store) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, url, events, namespace_filter, agent_filter, created_by, created_at FROM subscriptions ORDER BY created_at, id";
        using var r = cmd.ExecuteReader();
        var rows = new List<Subscription>();
        while (r.Read())
            rows.Add(new Subscription(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)));
        return rows;
    });

    // The secret is write-only: it is never echoed back.
    public static JsonObject ToJson(Subscription s) => new()
    {
        ["id"] = s.Id, ["url"] = s.Url, ["events"] = s.Events, ["namespace_filter"] = s.NamespaceFilter,
        ["agent_filter"] = s.AgentFilter, ["created_by"] = s.CreatedBy, ["created_at"] = s.CreatedAt,
    };
}
