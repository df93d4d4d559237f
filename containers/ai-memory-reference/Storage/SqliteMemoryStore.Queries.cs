using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using Microsoft.Data.Sqlite;

namespace AiMemory.Reference.Storage;

/// <summary>Read-only queries: list, search, stats, namespaces and the sync cursor.</summary>
public sealed partial class SqliteMemoryStore
{
    public IReadOnlyList<Memory> List(ListQuery q)
    {
        var filter = new SqlFilter().NotExpired(Timestamps.Now())
            .Common(q.Namespace, q.Tier, q.MinPriority, q.Since, q.Until, q.Tag, q.AgentId);
        var sql = $"SELECT {RowMapping.Columns} FROM memories m{filter.Where} " +
                  "ORDER BY m.priority DESC, m.updated_at DESC LIMIT $limit OFFSET $offset";
        return Locked(() => Read(sql, filter, ("$limit", Math.Max(0, q.Limit)), ("$offset", Math.Max(0, q.Offset))));
    }

    public IReadOnlyList<Memory> Search(SearchQuery q)
    {
        if (FtsQuery.AllOf(q.Query) is not { } match) return [];
        var filter = new SqlFilter().Add("memories_fts MATCH $match", ("$match", match)).NotExpired(Timestamps.Now())
            .Common(q.Namespace, q.Tier, q.MinPriority, q.Since, q.Until, q.Tag, q.AgentId);
        var sql = $"SELECT {RowMapping.Columns} FROM memories_fts JOIN memories m ON m.rowid = memories_fts.rowid{filter.Where} " +
                  "ORDER BY memories_fts.rank, m.priority DESC LIMIT $limit";
        return Locked(() => Read(sql, filter, ("$limit", Math.Max(0, q.Limit))));
    }

    public StoreStats Stats() => Locked(() =>
    {
        var now = Timestamps.Clock();
        var total = Scalar("SELECT COUNT(*) FROM memories");
        var byTier = Pairs("SELECT tier, COUNT(*) c FROM memories GROUP BY tier ORDER BY c DESC, tier")
            .Select(p => new TierCount(p.Key, p.Count)).ToList();
        var byNamespace = Pairs("SELECT namespace, COUNT(*) c FROM memories GROUP BY namespace ORDER BY c DESC, namespace")
            .Select(p => new NamespaceCount(p.Key, p.Count)).ToList();
        var expiringSoon = Scalar("SELECT COUNT(*) FROM memories WHERE expires_at > $now AND expires_at <= $soon",
            ("$now", Timestamps.Format(now)), ("$soon", Timestamps.Format(now.AddHours(1))));
        var links = Scalar("SELECT COUNT(*) FROM memory_links");
        var size = File.Exists(Path) ? new FileInfo(Path).Length : 0;
        // stats_total_zero replays a regression where the count query lost every row (Phase 1 "total >= 1").
        if (_faults.IsOn(FaultSwitches.StatsTotalZero)) total = 0;
        return new StoreStats(total, byTier, byNamespace, expiringSoon, links, size);
    });

    public IReadOnlyList<NamespaceCount> Namespaces() => Locked(() =>
        Pairs("SELECT namespace, COUNT(*) c FROM memories WHERE expires_at IS NULL OR expires_at > $now " +
              "GROUP BY namespace ORDER BY c DESC, namespace", ("$now", Timestamps.Now()))
            .Select(p => new NamespaceCount(p.Key, p.Count)).ToList());

    public IReadOnlyList<Memory> Since(string? since, int limit)
    {
        var filter = new SqlFilter().AddIf(since, "m.updated_at > $since", "$since");
        var sql = $"SELECT {RowMapping.Columns} FROM memories m{filter.Where} ORDER BY m.updated_at ASC, m.id LIMIT $limit";
        return Locked(() => Read(sql, filter, ("$limit", Math.Max(0, limit))));
    }

    private List<Memory> Read(string sql, SqlFilter filter, params (string Name, object Value)[] extra)
    {
        using var cmd = Command(sql);
        filter.Bind(cmd);
        foreach (var (name, value) in extra) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var rows = new List<Memory>();
        while (r.Read()) rows.Add(RowMapping.Read(r));
        return rows;
    }

    private long Scalar(string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
    }

    private List<(string Key, long Count)> Pairs(string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, long)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetInt64(1)));
        return rows;
    }
}
