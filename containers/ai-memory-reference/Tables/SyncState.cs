using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

/// <summary>
/// sync_state: per (local agent, peer) the newest updated_at seen from that peer — v0.6.0's vector clock. Recorded on
/// /sync/push and /sync/since, returned as receiver_clock; never used for merging (contract §2.5).
/// </summary>
public static class SyncState
{
    /// <summary>Advances the clock entry (it never moves back) and stamps the pull time.</summary>
    public static void Observe(IMemoryStore store, string agentId, string peerId, string seenAt) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "INSERT INTO sync_state (agent_id, peer_id, last_seen_at, last_pulled_at) VALUES ($a, $p, $seen, $now) " +
                          "ON CONFLICT (agent_id, peer_id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at), " +
                          "last_pulled_at = excluded.last_pulled_at";
        cmd.Parameters.AddWithValue("$a", agentId);
        cmd.Parameters.AddWithValue("$p", peerId);
        cmd.Parameters.AddWithValue("$seen", seenAt);
        cmd.Parameters.AddWithValue("$now", Timestamps.Now());
        return cmd.ExecuteNonQuery();
    });

    /// <summary>The clock of one local agent as the wire has it: {"entries":{peer: last_seen_at}}.</summary>
    public static JsonObject Clock(IMemoryStore store, string agentId) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT peer_id, last_seen_at FROM sync_state WHERE agent_id = $a ORDER BY peer_id";
        cmd.Parameters.AddWithValue("$a", agentId);
        using var r = cmd.ExecuteReader();
        var entries = new JsonObject();
        while (r.Read()) entries[r.GetString(0)] = r.GetString(1);
        return new JsonObject { ["entries"] = entries };
    });
}
