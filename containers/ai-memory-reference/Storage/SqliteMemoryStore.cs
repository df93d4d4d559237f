using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using Microsoft.Data.Sqlite;

namespace AiMemory.Reference.Storage;

/// <summary>
/// The node's SQLite store: one connection behind one lock, as the real server holds one connection behind one mutex.
/// This file holds opening and the single-row operations; queries, recall and merge live in the partial files beside it.
/// </summary>
public sealed partial class SqliteMemoryStore : IMemoryStore
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private readonly FaultSwitches _faults;
    private bool _disposed;

    private SqliteMemoryStore(string path, SqliteConnection db, FaultSwitches faults)
    {
        Path = path;
        _db = db;
        _faults = faults;
    }

    public string Path { get; }

    public static SqliteMemoryStore Open(string path) => Open(path, FaultSwitches.Current);

    public static SqliteMemoryStore Open(string path, FaultSwitches faults)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);

        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        db.Open();
        try
        {
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            using (var tx = db.BeginTransaction())
            {
                Exec(db, Schema.Ddl, tx);
                Exec(db, $"INSERT INTO schema_version (version) SELECT {Schema.Version} WHERE NOT EXISTS (SELECT 1 FROM schema_version)", tx);
                tx.Commit();
            }
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return new SqliteMemoryStore(path, db, faults);
    }

    public UpsertResult Upsert(NewMemory m)
    {
        var now = Timestamps.Clock();
        var nowText = Timestamps.Format(now);
        var expiry = m.ExpiresAt
            ?? (m.TtlSecs is { } ttl ? Timestamps.Format(now.AddSeconds(ttl)) : null)
            ?? (Tiers.DefaultTtl(m.Tier) is { } d ? Timestamps.Format(now + d) : null);
        var metadata = (JsonObject)m.Metadata.DeepClone();
        if (m.AgentId is not null) metadata["agent_id"] = m.AgentId;

        return Locked(() =>
        {
            using var tx = _db.BeginTransaction();
            var existing = FindByKey(m.Title, m.Namespace, tx);
            Memory stored;
            if (existing is null)
            {
                stored = new Memory
                {
                    Id = m.Id ?? Guid.NewGuid().ToString(),
                    Tier = m.Tier, Namespace = m.Namespace, Title = m.Title, Content = m.Content, Tags = m.Tags,
                    Priority = m.Priority, Confidence = m.Confidence, Source = m.Source,
                    CreatedAt = nowText, UpdatedAt = nowText, ExpiresAt = expiry, Metadata = metadata,
                };
                Write(RowMapping.InsertSql, stored, tx);
            }
            else
            {
                var tier = Tiers.Max(existing.Tier, m.Tier);
                stored = existing with
                {
                    Content = m.Content, Tags = m.Tags, Source = m.Source, UpdatedAt = nowText,
                    Priority = Math.Max(existing.Priority, m.Priority),
                    Confidence = Math.Max(existing.Confidence, m.Confidence),
                    Tier = tier,
                    ExpiresAt = existing.Tier == Tiers.Long || m.Tier == Tiers.Long ? null : expiry ?? existing.ExpiresAt,
                    Metadata = KeepAgentId(metadata, existing.Metadata),
                };
                Write(RowMapping.UpdateSql, stored, tx);
            }
            tx.Commit();
            return new UpsertResult(stored, existing is not null);
        });
    }

    public Memory? Get(string idOrPrefix) => Locked(() => Resolve(idOrPrefix, null));

    public Memory? Update(string idOrPrefix, MemoryPatch patch) => Locked(() =>
    {
        using var tx = _db.BeginTransaction();
        var current = Resolve(idOrPrefix, tx);
        if (current is null) return null;
        var title = patch.Title ?? current.Title;
        var ns = patch.Namespace ?? current.Namespace;
        if (FindByKey(title, ns, tx) is { } clash && clash.Id != current.Id) throw new TitleConflictException(title, ns);

        var tier = patch.Tier is null ? current.Tier : Tiers.Max(current.Tier, patch.Tier);
        var updated = current with
        {
            Title = title, Namespace = ns, Tier = tier,
            Content = patch.Content ?? current.Content,
            Tags = patch.Tags ?? current.Tags,
            Priority = patch.Priority ?? current.Priority,
            Confidence = patch.Confidence ?? current.Confidence,
            ExpiresAt = patch.ClearExpiry ? null : patch.ExpiresAt ?? current.ExpiresAt,
            Metadata = patch.Metadata is null ? current.Metadata : KeepAgentId((JsonObject)patch.Metadata.DeepClone(), current.Metadata),
            UpdatedAt = Timestamps.Now(),
        };
        Write(RowMapping.UpdateSql, updated, tx);
        tx.Commit();
        return updated;
    });

    public bool Delete(string idOrPrefix) => Locked(() =>
    {
        var m = Resolve(idOrPrefix, null);
        if (m is null) return false;
        using var cmd = Command("DELETE FROM memories WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", m.Id);
        return cmd.ExecuteNonQuery() > 0;
    });

    public int CollectGarbage() => Locked(() =>
    {
        using var cmd = Command("DELETE FROM memories WHERE expires_at IS NOT NULL AND expires_at <= $now");
        cmd.Parameters.AddWithValue("$now", Timestamps.Now());
        return cmd.ExecuteNonQuery();
    });

    public void SnapshotTo(string path)
    {
        if (File.Exists(path)) throw new IOException($"refusing to overwrite existing snapshot {path}");
        Locked(() =>
        {
            using var cmd = Command("VACUUM INTO $path");
            cmd.Parameters.AddWithValue("$path", path);
            return cmd.ExecuteNonQuery();
        });
    }

    public T WithConnection<T>(Func<SqliteConnection, T> work) => Locked(() => work(_db));

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            // A checkpoint folds the WAL into the main file so a clean shutdown leaves one self-contained file.
            try { Exec(_db, "PRAGMA wal_checkpoint(TRUNCATE);"); } catch (SqliteException) { }
            _db.Dispose();
        }
    }

    // The original writer's claim survives every overwrite (contract §1.5, §2.5).
    private static JsonObject KeepAgentId(JsonObject replacement, JsonObject original)
    {
        if (original["agent_id"] is { } agent) replacement["agent_id"] = agent.DeepClone();
        return replacement;
    }

    private T Locked<T>(Func<T> work)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work();
        }
    }

    private Memory? Resolve(string idOrPrefix, SqliteTransaction? tx)
    {
        var exact = QueryMemories($"SELECT {RowMapping.Columns} FROM memories m WHERE m.id = $id", tx, ("$id", idOrPrefix));
        if (exact.Count == 1) return exact[0];
        var byPrefix = QueryMemories(
            $"SELECT {RowMapping.Columns} FROM memories m WHERE substr(m.id, 1, length($p)) = $p LIMIT 2", tx, ("$p", idOrPrefix));
        return byPrefix.Count switch
        {
            0 => null,
            1 => byPrefix[0],
            _ => throw new AmbiguousIdException(idOrPrefix),
        };
    }

    private Memory? FindByKey(string title, string ns, SqliteTransaction? tx) =>
        QueryMemories($"SELECT {RowMapping.Columns} FROM memories m WHERE m.title = $t AND m.namespace = $ns", tx,
            ("$t", title), ("$ns", ns)).FirstOrDefault();

    private List<Memory> QueryMemories(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, tx);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var rows = new List<Memory>();
        while (r.Read()) rows.Add(RowMapping.Read(r));
        return rows;
    }

    private void Write(string sql, Memory m, SqliteTransaction? tx)
    {
        using var cmd = Command(sql, tx);
        RowMapping.Bind(cmd, m);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }
}
