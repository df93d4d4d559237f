using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The Postgres schema as the releases create it (v0.6.0 src/store/postgres_schema.sql:22, :57, :91-92; v0.7.0 :22, :78):
/// the `vector` extension, `embedding vector(384)` with an HNSW cosine index, and NULL embeddings on migrated rows,
/// since the adapter's upsert writes no embedding (v0.6.0 src/store/postgres.rs:275-279).
/// </summary>
public sealed class PgvectorSchemaTests(PostgresCluster pg) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task Migrate_creates_the_vector_extension_the_embedding_column_and_its_hnsw_index()
    {
        using var dir = new ScratchDir("vec");
        await Seed.ImportAsync(dir, "src.db", 20);
        var url = await pg.CreateDatabaseAsync("vectors");
        var forward = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", url, "--json");
        forward.ExitCode.Should().Be(0, forward.ToString());

        (await pg.ValueAsync("vectors", "SELECT extname FROM pg_extension WHERE extname = 'vector'")).Should().Be("vector");
        (await pg.ValueAsync("vectors", """
            SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname = 'memories' AND a.attname = 'embedding'
            """)).Should().Be("vector(384)");
        var hnsw = (string?)await pg.ValueAsync("vectors", "SELECT indexdef FROM pg_indexes WHERE indexname = 'memories_embedding_hnsw'");
        hnsw.Should().Contain("USING hnsw (embedding vector_cosine_ops)");
        (await pg.ScalarAsync("vectors", "SELECT COUNT(*) FROM memories WHERE embedding IS NULL")).Should().Be(20, "nothing writes an embedding");
    }
}

/// <summary>
/// A Postgres without pgvector, as the releases meet it: `CREATE EXTENSION IF NOT EXISTS vector` fails at connect, so
/// migrate exits 1 with the adapter's error chain (v0.6.0 src/main.rs:4237-4242, src/migrate.rs:87-92,
/// src/store/postgres.rs:94-105, src/store/mod.rs:82) and leaves no table behind.
/// </summary>
public sealed class NoPgvectorTests(PlainPostgresCluster pg) : IClassFixture<PlainPostgresCluster>
{
    private const string Refusal =
        "connect postgres adapter: backend unavailable: postgres: init schema: error returned from database: extension \"vector\" is not available";

    [Fact]
    public async Task Migrate_into_a_postgres_without_pgvector_fails_as_the_release_does_and_writes_nothing()
    {
        using var dir = new ScratchDir("novec");
        await Seed.ImportAsync(dir, "src.db", 5);
        var url = await pg.CreateDatabaseAsync("novector");

        var forward = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", url, "--json");
        forward.ExitCode.Should().Be(1, forward.ToString());
        forward.Stdout.Should().BeEmpty("no report: the destination never opened");
        LastLine(forward.Stderr).Should().Be($"Error: open destination store: {Refusal}");
        (await pg.ValueAsync("novector", "SELECT to_regclass('memories')::text")).Should().Be(DBNull.Value, "the schema is applied all or nothing");

        var back = await CliRunner.RunAsync(dir, "migrate", "--from", url, "--to", "sqlite://back.db", "--json");
        back.ExitCode.Should().Be(1, back.ToString());
        LastLine(back.Stderr).Should().Be($"Error: open source store: {Refusal}");
    }

    // Before it, stderr may say which config.toml was loaded.
    private static string LastLine(string stderr) => stderr.Trim().Split('\n')[^1];
}
