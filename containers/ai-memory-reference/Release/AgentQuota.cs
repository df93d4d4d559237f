using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Release;

/// <summary>
/// v0.7.0's per-agent quotas (src/quotas.rs): one `agent_quotas` row per agent (migrations/sqlite/0022_v07_agent_quotas.sql),
/// inserted with the compiled defaults on first use (quotas.rs:136-160): 1000 memories per UTC day (:31), 100 MiB of
/// title + content + metadata for life (:36). A write is refused when `memories_today + 1 > max` or the bytes would pass
/// the cap (:313-390, check and increment in one step); a new UTC day zeroes the daily counter. Charged by HTTP create
/// (src/handlers/http.rs:874-946), each memory of /sync/push (src/handlers/federation_receive.rs:836-975) and MCP store
/// (src/mcp/tools/store.rs:795); not by CLI store nor HTTP bulk create. v0.6.0 has no quotas; the quota_500_per_day switch
/// gives either release a 500-memory daily cap (a known-bad node for Phase 3's 1000 rows).
/// </summary>
public static class AgentQuota
{
    public const long MemoriesPerDay = 1000;
    public const long KnownBadMemoriesPerDay = 500;
    public const long StorageBytes = 100L * 1024 * 1024;
    public const long LinksPerDay = 5000;

    private const string Table = """
        CREATE TABLE IF NOT EXISTS agent_quotas (
            agent_id TEXT PRIMARY KEY, max_memories_per_day INTEGER NOT NULL DEFAULT 1000,
            max_storage_bytes INTEGER NOT NULL DEFAULT 104857600, max_links_per_day INTEGER NOT NULL DEFAULT 5000,
            current_memories_today INTEGER NOT NULL DEFAULT 0, current_storage_bytes INTEGER NOT NULL DEFAULT 0,
            current_links_today INTEGER NOT NULL DEFAULT 0, day_started_at TEXT NOT NULL, created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS idx_agent_quotas_agent_id ON agent_quotas(agent_id);
        """;

    /// <summary>A refused write: QuotaError's fields and its Display text (quotas.rs:102-113).</summary>
    public sealed record Refusal(string AgentId, string Limit, long Current, long Max)
    {
        public string Message => $"QUOTA_EXCEEDED: agent {AgentId} hit {Limit} (current={Current}, max={Max})";
    }

    public static bool Enforced(FaultSwitches faults) => ReleaseVersion.IsV070 || faults.IsOn(FaultSwitches.Quota500PerDay);

    /// <summary>The bytes a memory charges: title + content + serialized metadata, agent_id stamped (http.rs:887-891).</summary>
    public static long Bytes(string title, string content, System.Text.Json.Nodes.JsonObject metadata, string? agentId)
    {
        var stamped = (System.Text.Json.Nodes.JsonObject)metadata.DeepClone();
        if (agentId is not null) stamped["agent_id"] = agentId;
        return System.Text.Encoding.UTF8.GetByteCount(title) + System.Text.Encoding.UTF8.GetByteCount(content)
            + System.Text.Encoding.UTF8.GetByteCount(stamped.ToJsonString());
    }

    /// <summary>Charges a memory about to be created by its writer.</summary>
    public static Refusal? Charge(IMemoryStore store, NewMemory memory, string agentId, FaultSwitches faults) =>
        Charge(store, agentId, Bytes(memory.Title, memory.Content, memory.Metadata, agentId), faults);

    /// <summary>Checks and records one memory for the agent; null when allowed (or quotas are off), else why not.</summary>
    public static Refusal? Charge(IMemoryStore store, string agentId, long bytes, FaultSwitches faults)
    {
        if (!Enforced(faults)) return null;
        var cap = faults.IsOn(FaultSwitches.Quota500PerDay) ? KnownBadMemoriesPerDay : MemoriesPerDay;
        return store.WithConnection(db =>
        {
            using var tx = db.BeginTransaction();
            Run(tx, Table);
            var now = Timestamps.Now();
            Run(tx, "INSERT OR IGNORE INTO agent_quotas (agent_id, max_memories_per_day, max_storage_bytes, max_links_per_day, " +
                    "day_started_at, created_at, updated_at) VALUES ($a, $cap, $bytes, $links, $now, $now, $now)",
                ("$a", agentId), ("$cap", cap), ("$bytes", StorageBytes), ("$links", LinksPerDay), ("$now", now));
            using var read = db.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT max_memories_per_day, max_storage_bytes, current_memories_today, current_storage_bytes, " +
                               "day_started_at FROM agent_quotas WHERE agent_id = $a";
            read.Parameters.AddWithValue("$a", agentId);
            long max, maxBytes, today, used;
            bool rolled;
            using (var r = read.ExecuteReader())
            {
                r.Read();
                (max, maxBytes, today, used) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
                rolled = Day(r.GetString(4)) != Day(now);
            }
            if (rolled) today = 0;
            if (today + 1 > max) return new Refusal(agentId, "memories_per_day", today, max);
            if (used + bytes > maxBytes) return new Refusal(agentId, "storage_bytes", used, maxBytes);
            Run(tx, "UPDATE agent_quotas SET current_memories_today = $today, current_storage_bytes = current_storage_bytes + $b, " +
                    (rolled ? "current_links_today = 0, day_started_at = $now, " : "") + "updated_at = $now WHERE agent_id = $a",
                ("$today", today + 1), ("$b", bytes), ("$now", now), ("$a", agentId));
            tx.Commit();
            return null;
        });
    }

    /// <summary>The next UTC midnight, RFC 3339: X-Quota-Reset-At (federation_receive.rs:149-162).</summary>
    public static string NextUtcMidnight() => Timestamps.Format(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero));

    // The stored timestamps are RFC 3339 UTC: their first ten characters are the day (quotas.rs:193-195).
    private static string Day(string rfc3339) => rfc3339.Length >= 10 ? rfc3339[..10] : rfc3339;

    private static void Run(Microsoft.Data.Sqlite.SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
