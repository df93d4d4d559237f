using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Migration;

/// <summary>A SQLite file as a migrate endpoint. Rows are written whole (id, timestamps, counters), so a round trip is exact.</summary>
public sealed class SqliteEndpoint(string path) : IMigrationEndpoint
{
    // v0.6.0 lists up to 1 000 000 rows from SQLite in one go.
    private const int ListCap = 1_000_000;

    // The v0.6.0 upsert on (title, namespace): newer content wins, priority/confidence take the max, tier never
    // downgrades, expiry clears when either side is long, the original metadata.agent_id survives.
    private const string UpsertSql = RowMapping.InsertSql + """
         ON CONFLICT(title, namespace) DO UPDATE SET
            content = excluded.content, tags = excluded.tags, source = excluded.source, updated_at = excluded.updated_at,
            priority = MAX(memories.priority, excluded.priority), confidence = MAX(memories.confidence, excluded.confidence),
            tier = CASE WHEN excluded.tier = 'long' OR (excluded.tier = 'mid' AND memories.tier = 'short')
                        THEN excluded.tier ELSE memories.tier END,
            expires_at = CASE WHEN memories.tier = 'long' OR excluded.tier = 'long' THEN NULL
                              ELSE COALESCE(excluded.expires_at, memories.expires_at) END,
            metadata = CASE WHEN json_extract(memories.metadata, '$.agent_id') IS NULL THEN excluded.metadata
                            ELSE json_set(excluded.metadata, '$.agent_id', json_extract(memories.metadata, '$.agent_id')) END
        RETURNING id
        """;

    private readonly IMemoryStore _store = SqliteMemoryStore.Open(path);

    public IReadOnlyList<Memory> ListAll(string? ns) => _store.List(new ListQuery { Namespace = ns, Limit = ListCap });

    public string Upsert(Memory memory) => _store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = UpsertSql;
        RowMapping.Bind(cmd, memory);
        return (string)cmd.ExecuteScalar()!;
    });

    public void Dispose() => _store.Dispose();
}
