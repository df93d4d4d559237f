using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Migration;
using AiMemory.Reference.Model;
using Npgsql;
using NpgsqlTypes;

namespace AiMemory.Reference.Storage;

/// <summary>
/// The Postgres adapter `migrate` uses (contract §5.2): schema applied at connect, list clamped to 1000 live rows,
/// upsert on (title, namespace) with the Postgres rules — content, tags, priority, confidence, updated_at and metadata
/// (original agent_id kept) overwritten, tier never downgraded, source/access_count/expires_at left alone.
/// </summary>
public sealed class PostgresMemoryStore : IMigrationEndpoint
{
    public const int ListCap = 1000;

    private const string Columns =
        "id, tier, namespace, title, content, tags, priority, confidence, source, access_count, created_at, updated_at, " +
        "last_accessed_at, expires_at, metadata, created_at_text, updated_at_text, last_accessed_at_text, expires_at_text";

    private const string Values =
        "@id, @tier, @namespace, @title, @content, @tags, @priority, @confidence, @source, @access_count, @created_at, " +
        "@updated_at, @last_accessed_at, @expires_at, @metadata, @created_at_text, @updated_at_text, " +
        "@last_accessed_at_text, @expires_at_text";

    private const string UpsertSql = $"""
        INSERT INTO memories ({Columns}) VALUES ({Values})
        ON CONFLICT (title, namespace) DO UPDATE SET
            content = EXCLUDED.content, tags = EXCLUDED.tags, priority = EXCLUDED.priority,
            confidence = EXCLUDED.confidence, updated_at = EXCLUDED.updated_at, updated_at_text = EXCLUDED.updated_at_text,
            metadata = CASE WHEN memories.metadata->'agent_id' IS NULL THEN EXCLUDED.metadata
                            ELSE EXCLUDED.metadata || jsonb_build_object('agent_id', memories.metadata->'agent_id') END,
            tier = CASE WHEN tier_rank(EXCLUDED.tier) > tier_rank(memories.tier) THEN EXCLUDED.tier ELSE memories.tier END
        RETURNING id
        """;

    private const string PlainInsertSql = $"INSERT INTO memories ({Columns}) VALUES ({Values}) RETURNING id";

    private readonly NpgsqlConnection _db;
    private readonly bool _withUniqueKey;

    private PostgresMemoryStore(NpgsqlConnection db, bool withUniqueKey)
    {
        _db = db;
        _withUniqueKey = withUniqueKey;
    }

    /// <param name="withUniqueKey">false only for the migrate_rerun_duplicates fault: no keys, plain INSERTs.</param>
    public static PostgresMemoryStore Open(string connectionString, bool withUniqueKey = true)
    {
        var db = new NpgsqlConnection(connectionString);
        try
        {
            Step("connect", db.Open);
            Step("init schema", () =>
            {
                using var tx = db.BeginTransaction();
                // Two migrations connecting at once would race on CREATE … IF NOT EXISTS; an advisory lock serialises them.
                Exec(db, tx, "SELECT pg_advisory_xact_lock(60600)");
                Exec(db, tx, PostgresSchema.Ddl(withUniqueKey));
                tx.Commit();
            });
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return new PostgresMemoryStore(db, withUniqueKey);
    }

    /// <summary>
    /// The release's error chain (v0.6.0 src/store/postgres.rs:84-105 and src/store/mod.rs:82): a failed step is
    /// "backend unavailable: postgres: &lt;step&gt;: error returned from database: &lt;Postgres's message&gt;", so a server
    /// without pgvector reads `… init schema: error returned from database: extension "vector" is not available`.
    /// </summary>
    private static void Step(string what, Action action)
    {
        try { action(); }
        catch (PostgresException e) { throw new StoreUnavailableException($"{what}: error returned from database: {e.MessageText}", e); }
        catch (NpgsqlException e) { throw new StoreUnavailableException($"{what}: {e.Message}", e); }
    }

    public IReadOnlyList<Memory> ListAll(string? ns)
    {
        using var cmd = new NpgsqlCommand(
            $"SELECT {Columns} FROM memories WHERE (expires_at IS NULL OR expires_at > now())" +
            (ns is null ? "" : " AND namespace = @ns") +
            " ORDER BY priority DESC, updated_at DESC LIMIT @limit", _db);
        if (ns is not null) cmd.Parameters.AddWithValue("ns", ns);
        cmd.Parameters.AddWithValue("limit", ListCap);
        using var r = cmd.ExecuteReader();
        var rows = new List<Memory>();
        while (r.Read()) rows.Add(Read(r));
        return rows;
    }

    public string Upsert(Memory m)
    {
        using var cmd = new NpgsqlCommand(_withUniqueKey ? UpsertSql : PlainInsertSql, _db);
        var p = cmd.Parameters;
        p.AddWithValue("id", m.Id);
        p.AddWithValue("tier", m.Tier);
        p.AddWithValue("namespace", m.Namespace);
        p.AddWithValue("title", m.Title);
        p.AddWithValue("content", m.Content);
        p.AddWithValue("tags", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(m.Tags, Json.Types.Strings));
        p.AddWithValue("priority", m.Priority);
        p.AddWithValue("confidence", m.Confidence);
        p.AddWithValue("source", m.Source);
        p.AddWithValue("access_count", m.AccessCount);
        p.AddWithValue("metadata", NpgsqlDbType.Jsonb, m.Metadata.ToJsonString(Json.Wire));
        AddTimestamp(p, "created_at", m.CreatedAt);
        AddTimestamp(p, "updated_at", m.UpdatedAt);
        AddTimestamp(p, "last_accessed_at", m.LastAccessedAt);
        AddTimestamp(p, "expires_at", m.ExpiresAt);
        return (string)cmd.ExecuteScalar()!;
    }

    public void Dispose() => _db.Dispose();

    private static void AddTimestamp(NpgsqlParameterCollection p, string name, string? text)
    {
        object value = text is null ? DBNull.Value
            : Timestamps.TryParse(text, out var t) ? t.UtcDateTime
            : throw new FormatException($"{name} is not RFC 3339: {text}");
        p.AddWithValue(name, NpgsqlDbType.TimestampTz, value);
        p.AddWithValue(name + "_text", (object?)text ?? DBNull.Value);
    }

    private static Memory Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Tier = r.GetString(1),
        Namespace = r.GetString(2),
        Title = r.GetString(3),
        Content = r.GetString(4),
        Tags = JsonSerializer.Deserialize(r.GetString(5), Json.Types.Strings) ?? [],
        Priority = r.GetInt32(6),
        Confidence = r.GetDouble(7),
        Source = r.GetString(8),
        AccessCount = r.GetInt64(9),
        CreatedAt = Timestamp(r, 10, 15)!,
        UpdatedAt = Timestamp(r, 11, 16)!,
        LastAccessedAt = Timestamp(r, 12, 17),
        ExpiresAt = Timestamp(r, 13, 18),
        Metadata = JsonNode.Parse(r.GetString(14)) as JsonObject ?? new JsonObject(),
    };

    // The kept text wins while it still names the stored instant (to the microsecond); a row another writer changed
    // falls back to the TIMESTAMPTZ value in chrono's format.
    private static string? Timestamp(NpgsqlDataReader r, int valueColumn, int textColumn)
    {
        if (r.IsDBNull(valueColumn)) return null;
        var value = DateTime.SpecifyKind(r.GetDateTime(valueColumn), DateTimeKind.Utc);
        if (!r.IsDBNull(textColumn) && Timestamps.TryParse(r.GetString(textColumn), out var kept)
            && Math.Abs(kept.UtcDateTime.Ticks - value.Ticks) < 10)
            return r.GetString(textColumn);
        return Timestamps.Format(new DateTimeOffset(value));
    }

    /// <summary>A Postgres the adapter cannot use: StoreError::BackendUnavailable's text.</summary>
    public sealed class StoreUnavailableException(string detail, Exception inner)
        : Exception($"backend unavailable: postgres: {detail}", inner);

    private static void Exec(NpgsqlConnection db, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, db, tx);
        cmd.ExecuteNonQuery();
    }
}
