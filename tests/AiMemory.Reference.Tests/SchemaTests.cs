using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The SQLite file is v0.6.0's (contract §5.1, schema_version 13): the same tables, columns and index names, so v0.6.0
/// opens a database the reference node wrote without migrating it, and the file has v0.6.0's size.
/// </summary>
public sealed class SchemaTests
{
    private static readonly string[] V060Indexes =
    [
        "idx_archived_at", "idx_archived_namespace", "idx_memories_expires", "idx_memories_namespace", "idx_memories_priority",
        "idx_memories_scope_idx", "idx_memories_tier", "idx_memories_title_ns", "idx_pending_namespace", "idx_pending_status",
        "idx_subscriptions_url", "idx_sync_state_agent",
    ];

    private static readonly string[] V060Tables =
    [
        "archived_memories", "memories", "memories_fts", "memory_links", "namespace_meta", "pending_actions", "schema_version",
        "subscriptions", "sync_state",
    ];

    [Fact]
    public async Task A_new_database_has_v060_tables_indexes_and_schema_version()
    {
        using var dir = new ScratchDir("schema");
        var db = dir.File("fresh.db");
        (await CliRunner.RunAsync(dir, "--db", db, "stats", "--json")).ExitCode.Should().Be(0);

        Names(db, "index").Where(n => !n.StartsWith("sqlite_autoindex_", StringComparison.Ordinal)).Should().Equal(V060Indexes);
        Names(db, "table").Where(n => !n.StartsWith("memories_fts_", StringComparison.Ordinal)).Should().Equal(V060Tables);
        Scalar(db, "SELECT version FROM schema_version").Should().Be(13L);
    }

    [Fact]
    public async Task Columns_v060_reads_are_present_with_v060_constraints()
    {
        using var dir = new ScratchDir("columns");
        var db = dir.File("fresh.db");
        (await CliRunner.RunAsync(dir, "--db", db, "stats", "--json")).ExitCode.Should().Be(0);

        Columns(db, "pending_actions").Should().Contain(("approvals", true, "'[]'"));
        Columns(db, "subscriptions").Select(c => c.Name).Should().Equal("id", "url", "events", "secret_hash", "namespace_filter",
            "agent_filter", "created_by", "created_at", "last_dispatched_at", "dispatch_count", "failure_count");
        Columns(db, "sync_state").Should().Contain([("last_seen_at", true, null), ("last_pulled_at", true, null), ("last_pushed_at", false, null)]);
        Columns(db, "archived_memories").Should().Contain(("archive_reason", true, "'ttl_expired'"));
        Columns(db, "namespace_meta").Select(c => c.Name).Should().Equal("namespace", "standard_id", "updated_at", "parent_namespace");
    }

    [Fact]
    public async Task After_the_phase1_script_the_file_is_as_large_as_v060s()
    {
        using var dir = new ScratchDir("p1size");
        var env = new Dictionary<string, string> { ["AI_MEMORY_DB"] = dir.File("ai-memory.db") };
        (await CliRunner.RunAsync(dir, ["store", "--title", "ship-gate phase1 node-a", "--content", "phase 1 functional probe on node-a",
            "--tier", "mid", "--namespace", "ship-gate-phase1"], env)).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(dir, ["recall", "phase 1 functional probe", "--limit", "5", "--json"], env)).ExitCode.Should().Be(0);
        var stats = await CliRunner.RunAsync(dir, ["stats", "--json"], env);

        stats.ExitCode.Should().Be(0);
        ((long)stats.Json["db_size_bytes"]!).Should().Be(139_264, "v0.6.0 reports 139264 after the same three commands");
    }

    private static List<string> Names(string db, string type)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = $t ORDER BY name";
        cmd.Parameters.AddWithValue("$t", type);
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static List<(string Name, bool NotNull, string? Default)> Columns(string db, string table)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT name, \"notnull\", dflt_value FROM pragma_table_xinfo('{table}')";
        using var r = cmd.ExecuteReader();
        var columns = new List<(string, bool, string?)>();
        while (r.Read()) columns.Add((r.GetString(0), r.GetInt64(1) == 1, r.IsDBNull(2) ? null : r.GetString(2)));
        return columns;
    }

    private static object? Scalar(string db, string sql)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static SqliteConnection Open(string db)
    {
        var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false");
        c.Open();
        return c;
    }
}
