namespace AiMemory.Reference.Storage;

/// <summary>
/// The SQLite schema of contract §5.1 (schema_version 13), applied idempotently on every open: v0.6.0's tables, columns
/// and index names after its 13 migrations, so v0.6.0 opens a file written here without migrating it.
/// </summary>
public static class Schema
{
    public const int Version = 13;

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS memories (
            id TEXT PRIMARY KEY,
            tier TEXT NOT NULL,
            namespace TEXT NOT NULL DEFAULT 'global',
            title TEXT NOT NULL,
            content TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            priority INTEGER NOT NULL DEFAULT 5,
            confidence REAL NOT NULL DEFAULT 1.0,
            source TEXT NOT NULL DEFAULT 'api',
            access_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_accessed_at TEXT NULL,
            expires_at TEXT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            embedding BLOB NULL,
            scope_idx TEXT GENERATED ALWAYS AS (
                CASE WHEN json_valid(metadata) THEN COALESCE(json_extract(metadata, '$.scope'), 'private') ELSE 'private' END) VIRTUAL
        );
        CREATE INDEX IF NOT EXISTS idx_memories_tier ON memories(tier);
        CREATE INDEX IF NOT EXISTS idx_memories_namespace ON memories(namespace);
        CREATE INDEX IF NOT EXISTS idx_memories_priority ON memories(priority DESC);
        CREATE INDEX IF NOT EXISTS idx_memories_expires ON memories(expires_at);
        CREATE INDEX IF NOT EXISTS idx_memories_scope_idx ON memories(scope_idx);
        CREATE UNIQUE INDEX IF NOT EXISTS idx_memories_title_ns ON memories(title, namespace);

        CREATE VIRTUAL TABLE IF NOT EXISTS memories_fts USING fts5(
            title, content, tags, content='memories', content_rowid='rowid');
        CREATE TRIGGER IF NOT EXISTS memories_ai AFTER INSERT ON memories BEGIN
            INSERT INTO memories_fts(rowid, title, content, tags) VALUES (new.rowid, new.title, new.content, new.tags);
        END;
        CREATE TRIGGER IF NOT EXISTS memories_ad AFTER DELETE ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, title, content, tags) VALUES ('delete', old.rowid, old.title, old.content, old.tags);
        END;
        CREATE TRIGGER IF NOT EXISTS memories_au AFTER UPDATE ON memories BEGIN
            INSERT INTO memories_fts(memories_fts, rowid, title, content, tags) VALUES ('delete', old.rowid, old.title, old.content, old.tags);
            INSERT INTO memories_fts(rowid, title, content, tags) VALUES (new.rowid, new.title, new.content, new.tags);
        END;

        CREATE TABLE IF NOT EXISTS memory_links (
            source_id TEXT NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            target_id TEXT NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            relation TEXT NOT NULL DEFAULT 'related_to',
            created_at TEXT NOT NULL,
            PRIMARY KEY (source_id, target_id, relation)
        );
        CREATE TABLE IF NOT EXISTS archived_memories (
            id TEXT PRIMARY KEY, tier TEXT NOT NULL, namespace TEXT NOT NULL DEFAULT 'global', title TEXT NOT NULL,
            content TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '[]', priority INTEGER NOT NULL DEFAULT 5,
            confidence REAL NOT NULL DEFAULT 1.0, source TEXT NOT NULL DEFAULT 'api',
            access_count INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            last_accessed_at TEXT, expires_at TEXT, archived_at TEXT NOT NULL,
            archive_reason TEXT NOT NULL DEFAULT 'ttl_expired', metadata TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS idx_archived_namespace ON archived_memories(namespace);
        CREATE INDEX IF NOT EXISTS idx_archived_at ON archived_memories(archived_at);
        CREATE TABLE IF NOT EXISTS namespace_meta (
            namespace TEXT PRIMARY KEY, standard_id TEXT, updated_at TEXT NOT NULL, parent_namespace TEXT
        );
        CREATE TABLE IF NOT EXISTS pending_actions (
            id TEXT PRIMARY KEY, action_type TEXT NOT NULL, memory_id TEXT, namespace TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}', requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending', decided_by TEXT, decided_at TEXT,
            approvals TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX IF NOT EXISTS idx_pending_status ON pending_actions(status);
        CREATE INDEX IF NOT EXISTS idx_pending_namespace ON pending_actions(namespace);
        CREATE TABLE IF NOT EXISTS sync_state (
            agent_id TEXT NOT NULL, peer_id TEXT NOT NULL, last_seen_at TEXT NOT NULL, last_pulled_at TEXT NOT NULL,
            last_pushed_at TEXT, PRIMARY KEY (agent_id, peer_id)
        );
        CREATE INDEX IF NOT EXISTS idx_sync_state_agent ON sync_state(agent_id);
        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL DEFAULT '*', secret_hash TEXT,
            namespace_filter TEXT, agent_filter TEXT, created_by TEXT, created_at TEXT NOT NULL,
            last_dispatched_at TEXT, dispatch_count INTEGER NOT NULL DEFAULT 0, failure_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS idx_subscriptions_url ON subscriptions(url);
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        """;
}
