using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

public sealed record ArchivedMemory(Memory Memory, string ArchivedAt, string? Reason);

/// <summary>archived_memories: where forget and gc put rows before deleting them, and where restore takes them from.</summary>
public static class ArchiveTable
{
    private const string InsertSql =
        "INSERT OR REPLACE INTO archived_memories (id, tier, namespace, title, content, tags, priority, confidence, source, " +
        "access_count, created_at, updated_at, last_accessed_at, expires_at, metadata, archived_at, archive_reason) VALUES " +
        "($id, $tier, $namespace, $title, $content, $tags, $priority, $confidence, $source, $access_count, $created_at, " +
        "$updated_at, $last_accessed_at, $expires_at, $metadata, $archived_at, $reason)";

    /// <summary>Copies the row into the archive, then deletes it from memories.</summary>
    public static void Archive(IMemoryStore store, Memory memory, string reason)
    {
        store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = InsertSql;
            RowMapping.Bind(cmd, memory);
            cmd.Parameters.AddWithValue("$archived_at", Timestamps.Now());
            cmd.Parameters.AddWithValue("$reason", reason);
            return cmd.ExecuteNonQuery();
        });
        store.Delete(memory.Id);
    }

    public static IReadOnlyList<ArchivedMemory> List(IMemoryStore store, string? ns, int limit, int offset) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {RowMapping.Columns}, m.archived_at, m.archive_reason FROM archived_memories m " +
                          (ns is null ? "" : "WHERE m.namespace = $ns ") + "ORDER BY m.archived_at DESC, m.id LIMIT $limit OFFSET $offset";
        if (ns is not null) cmd.Parameters.AddWithValue("$ns", ns);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        using var r = cmd.ExecuteReader();
        var rows = new List<ArchivedMemory>();
        while (r.Read())
            rows.Add(new ArchivedMemory(RowMapping.Read(r), r.GetString(RowMapping.ColumnCount),
                r.IsDBNull(RowMapping.ColumnCount + 1) ? null : r.GetString(RowMapping.ColumnCount + 1)));
        return rows;
    });

    /// <summary>Puts an archived row back (without its old expiry, which would hide it again at once); null when absent.</summary>
    public static Memory? Restore(IMemoryStore store, string id)
    {
        var archived = List(store, null, int.MaxValue, 0).FirstOrDefault(a => a.Memory.Id == id);
        if (archived is null) return null;
        var memory = archived.Memory with { ExpiresAt = null, UpdatedAt = Timestamps.Now() };
        if (store.Merge(memory) == MergeOutcome.Skipped)
            throw new InvalidOperationException($"cannot restore {id}: its id is taken by another memory");
        Delete(store, "DELETE FROM archived_memories WHERE id = $id", ("$id", id));
        return store.Get(memory.Id) ?? memory;
    }

    /// <summary>Drops archive rows, all or those archived more than olderThanDays ago.</summary>
    public static int Purge(IMemoryStore store, long? olderThanDays) => olderThanDays is { } days
        ? Delete(store, "DELETE FROM archived_memories WHERE archived_at < $cut",
            ("$cut", Timestamps.Format(Timestamps.Clock().AddDays(-days))))
        : Delete(store, "DELETE FROM archived_memories");

    public static (long Total, IReadOnlyList<NamespaceCount> ByNamespace) Stats(IMemoryStore store) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT namespace, COUNT(*) c FROM archived_memories GROUP BY namespace ORDER BY c DESC, namespace";
        using var r = cmd.ExecuteReader();
        var rows = new List<NamespaceCount>();
        while (r.Read()) rows.Add(new NamespaceCount(r.GetString(0), r.GetInt64(1)));
        return ((long)rows.Sum(n => n.Count), (IReadOnlyList<NamespaceCount>)rows);
    });

    /// <summary>Rows whose expiry has passed (what gc removes).</summary>
    public static IReadOnlyList<Memory> Expired(IMemoryStore store) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {RowMapping.Columns} FROM memories m WHERE m.expires_at IS NOT NULL AND m.expires_at <= $now";
        cmd.Parameters.AddWithValue("$now", Timestamps.Now());
        using var r = cmd.ExecuteReader();
        var rows = new List<Memory>();
        while (r.Read()) rows.Add(RowMapping.Read(r));
        return rows;
    });

    private static int Delete(IMemoryStore store, string sql, params (string Name, object Value)[] args) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteNonQuery();
    });
}
