using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

/// <param name="TagsText">the tags column as stored: v0.6.0 lists archived tags as this text, not as an array.</param>
public sealed record ArchivedMemory(Memory Memory, string ArchivedAt, string Reason, string TagsText);

/// <summary>
/// archived_memories: where forget and gc put rows before deleting them, and where restore takes them from. The JSON
/// builders are the bodies of the /archive routes and the memory_archive_* tools alike.
/// </summary>
public static class ArchiveTable
{
    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 1000;

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
        cmd.CommandText = $"SELECT {RowMapping.Columns}, m.archived_at, m.archive_reason, m.tags FROM archived_memories m " +
                          (ns is null ? "" : "WHERE m.namespace = $ns ") + "ORDER BY m.archived_at DESC, m.id LIMIT $limit OFFSET $offset";
        if (ns is not null) cmd.Parameters.AddWithValue("$ns", ns);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        using var r = cmd.ExecuteReader();
        var rows = new List<ArchivedMemory>();
        while (r.Read())
            rows.Add(new ArchivedMemory(RowMapping.Read(r), r.GetString(RowMapping.ColumnCount), r.GetString(RowMapping.ColumnCount + 1),
                r.GetString(RowMapping.ColumnCount + 2)));
        return rows;
    });

    /// <summary>{"archived":[…],"count":n}, newest first; every field present (null when unset), tags as stored text.</summary>
    public static JsonObject ListJson(IMemoryStore store, string? ns, int limit, int offset)
    {
        var items = List(store, ns, limit, offset).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Memory.Id, ["tier"] = a.Memory.Tier, ["namespace"] = a.Memory.Namespace, ["title"] = a.Memory.Title,
            ["content"] = a.Memory.Content, ["tags"] = a.TagsText, ["priority"] = a.Memory.Priority,
            ["confidence"] = a.Memory.Confidence, ["source"] = a.Memory.Source, ["access_count"] = a.Memory.AccessCount,
            ["created_at"] = a.Memory.CreatedAt, ["updated_at"] = a.Memory.UpdatedAt, ["last_accessed_at"] = a.Memory.LastAccessedAt,
            ["expires_at"] = a.Memory.ExpiresAt, ["archived_at"] = a.ArchivedAt, ["archive_reason"] = a.Reason,
            ["metadata"] = a.Memory.Metadata.DeepClone(),
        }).ToArray();
        return new JsonObject { ["archived"] = new JsonArray(items), ["count"] = items.Length };
    }

    /// <summary>
    /// Puts an archived row back as v0.6.0 does: long tier, no expiry, updated now. False when it is not in the archive;
    /// InvalidOperationException when a live row already holds its id.
    /// </summary>
    public static bool Restore(IMemoryStore store, string id)
    {
        var archived = Find(store, id);
        if (archived is null) return false;
        if (store.WithConnection(db => Exists(db, "SELECT 1 FROM memories WHERE id = $id", id)))
            throw new InvalidOperationException($"cannot restore: memory {id} already exists in active table (would overwrite)");
        var memory = archived.Memory with { Tier = Tiers.Long, ExpiresAt = null, UpdatedAt = Timestamps.Now() };
        if (store.Merge(memory) == MergeOutcome.Skipped)
            throw new InvalidOperationException($"cannot restore {id}: its id is taken by another memory");
        Delete(store, "DELETE FROM archived_memories WHERE id = $id", ("$id", id));
        return true;
    }

    public static JsonObject RestoredJson(string id) => new() { ["restored"] = true, ["id"] = id };

    /// <summary>Drops archive rows, all or those archived more than olderThanDays ago.</summary>
    public static int Purge(IMemoryStore store, long? olderThanDays) => olderThanDays switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(olderThanDays), $"older_than_days must be non-negative (got {olderThanDays})"),
        { } days => Delete(store, "DELETE FROM archived_memories WHERE archived_at < $cut",
            ("$cut", Timestamps.Format(Timestamps.Clock().AddDays(-days)))),
        null => Delete(store, "DELETE FROM archived_memories"),
    };

    /// <summary>{"archived_total":n,"by_namespace":[{"namespace","count"}…]} descending by count.</summary>
    public static JsonObject StatsJson(IMemoryStore store) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT namespace, COUNT(*) c FROM archived_memories GROUP BY namespace ORDER BY c DESC, namespace";
        using var r = cmd.ExecuteReader();
        var byNamespace = new JsonArray();
        long total = 0;
        while (r.Read())
        {
            total += r.GetInt64(1);
            byNamespace.Add((JsonNode)new JsonObject { ["namespace"] = r.GetString(0), ["count"] = r.GetInt64(1) });
        }
        return new JsonObject { ["archived_total"] = total, ["by_namespace"] = byNamespace };
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

    private static ArchivedMemory? Find(IMemoryStore store, string id) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {RowMapping.Columns}, m.archived_at, m.archive_reason, m.tags FROM archived_memories m WHERE m.id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new ArchivedMemory(RowMapping.Read(r), r.GetString(RowMapping.ColumnCount), r.GetString(RowMapping.ColumnCount + 1),
                r.GetString(RowMapping.ColumnCount + 2))
            : null;
    });

    private static bool Exists(Microsoft.Data.Sqlite.SqliteConnection db, string sql, string id)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is not null;
    }

    private static int Delete(IMemoryStore store, string sql, params (string Name, object Value)[] args) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteNonQuery();
    });
}
