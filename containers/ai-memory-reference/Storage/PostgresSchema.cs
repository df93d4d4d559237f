namespace AiMemory.Reference.Storage;

/// <summary>
/// The Postgres schema of contract §5.2, applied idempotently on every connect. It starts as the release's does, with
/// `CREATE EXTENSION IF NOT EXISTS vector` (v0.6.0 src/store/postgres_schema.sql:22, v0.7.0 the same line), so a
/// Postgres without pgvector refuses it; `memories` has the release's `embedding vector(384)` (v0.6.0 :57; v0.7.0 :78
/// with its 384 default, src/store/postgres.rs:307) and its HNSW cosine index (v0.6.0 :91-92). Nothing writes the
/// embedding: v0.6.0's upsert names no such column (src/store/postgres.rs:275-279), so migrated rows hold NULL.
/// TIMESTAMPTZ keeps microseconds while the wire keeps nanoseconds, so each timestamp also keeps the
/// exact RFC 3339 text it was written with; a SQLite → Postgres → SQLite round trip returns identical strings.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The dimension of the release's default embedder (all-MiniLM-L6-v2).</summary>
    public const int EmbeddingDimension = 384;

    public static string Ddl(bool withUniqueKey) => $$"""
        CREATE EXTENSION IF NOT EXISTS vector;
        CREATE TABLE IF NOT EXISTS memories (
            id TEXT {{(withUniqueKey ? "PRIMARY KEY" : "NOT NULL")}},
            tier TEXT NOT NULL,
            namespace TEXT NOT NULL DEFAULT 'global',
            title TEXT NOT NULL,
            content TEXT NOT NULL,
            tags JSONB NOT NULL DEFAULT '[]'::jsonb,
            priority INTEGER NOT NULL DEFAULT 5,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0,
            source TEXT NOT NULL DEFAULT 'api',
            access_count BIGINT NOT NULL DEFAULT 0,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            last_accessed_at TIMESTAMPTZ NULL,
            expires_at TIMESTAMPTZ NULL,
            metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
            embedding vector({{EmbeddingDimension}}),
            scope_idx TEXT GENERATED ALWAYS AS (COALESCE(metadata->>'scope', 'private')) STORED,
            created_at_text TEXT NULL,
            updated_at_text TEXT NULL,
            last_accessed_at_text TEXT NULL,
            expires_at_text TEXT NULL
        );
        {{(withUniqueKey ? "CREATE UNIQUE INDEX IF NOT EXISTS idx_memories_title_ns ON memories(title, namespace);" : "")}}
        CREATE INDEX IF NOT EXISTS idx_memories_tier ON memories(tier);
        CREATE INDEX IF NOT EXISTS idx_memories_namespace ON memories(namespace);
        CREATE INDEX IF NOT EXISTS idx_memories_priority ON memories(priority DESC);
        CREATE INDEX IF NOT EXISTS idx_memories_expires ON memories(expires_at);
        CREATE INDEX IF NOT EXISTS idx_memories_scope ON memories(scope_idx);
        CREATE INDEX IF NOT EXISTS idx_memories_tags ON memories USING GIN (tags);
        CREATE INDEX IF NOT EXISTS idx_memories_metadata ON memories USING GIN (metadata);
        CREATE INDEX IF NOT EXISTS idx_memories_fts ON memories
            USING GIN (to_tsvector('english', title || ' ' || content));
        CREATE INDEX IF NOT EXISTS memories_embedding_hnsw ON memories USING hnsw (embedding vector_cosine_ops);

        CREATE OR REPLACE FUNCTION tier_rank(t TEXT) RETURNS INTEGER LANGUAGE SQL IMMUTABLE AS
            $$ SELECT CASE t WHEN 'long' THEN 2 WHEN 'mid' THEN 1 ELSE 0 END $$;

        CREATE TABLE IF NOT EXISTS memory_links (
            source_id TEXT NOT NULL, target_id TEXT NOT NULL, relation TEXT NOT NULL DEFAULT 'related_to',
            created_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (source_id, target_id, relation)
        );
        CREATE TABLE IF NOT EXISTS archived_memories (
            id TEXT PRIMARY KEY, tier TEXT NOT NULL, namespace TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL,
            tags JSONB NOT NULL DEFAULT '[]'::jsonb, priority INTEGER NOT NULL DEFAULT 5,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0, source TEXT NOT NULL DEFAULT 'api',
            access_count BIGINT NOT NULL DEFAULT 0, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
            last_accessed_at TIMESTAMPTZ NULL, expires_at TIMESTAMPTZ NULL, metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
            archived_at TIMESTAMPTZ NOT NULL, archive_reason TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS namespace_meta (
            namespace TEXT PRIMARY KEY, standard_id TEXT NULL, parent_namespace TEXT NULL, updated_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE IF NOT EXISTS pending_actions (
            id TEXT PRIMARY KEY, action_type TEXT NOT NULL, memory_id TEXT NULL, namespace TEXT NOT NULL,
            payload JSONB NOT NULL DEFAULT '{}'::jsonb, requested_by TEXT NOT NULL, requested_at TIMESTAMPTZ NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending', decided_by TEXT NULL, decided_at TIMESTAMPTZ NULL
        );
        CREATE TABLE IF NOT EXISTS sync_state (
            agent_id TEXT NOT NULL, peer_id TEXT NOT NULL, last_seen_at TIMESTAMPTZ NULL, last_pulled_at TIMESTAMPTZ NULL,
            last_pushed_at TIMESTAMPTZ NULL, PRIMARY KEY (agent_id, peer_id)
        );
        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL DEFAULT '*', secret TEXT NULL,
            namespace_filter TEXT NULL, agent_filter TEXT NULL, created_by TEXT NULL, created_at TIMESTAMPTZ NOT NULL
        );
        """;
}
