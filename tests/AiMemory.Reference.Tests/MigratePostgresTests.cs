using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Phase 3 against a real PostgreSQL (a throwaway local cluster, see PostgresCluster): SQLite → Postgres → SQLite with
/// 1000 rows compared column by column, re-run idempotency, the 1000-row Postgres list cap, and the Postgres-only faults.
/// </summary>
public sealed class MigratePostgresTests(PostgresCluster pg) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task Sqlite_to_postgres_to_sqlite_round_trips_1000_rows_exactly_and_reruns_are_idempotent()
    {
        using var dir = new ScratchDir("pg");
        await Seed.ImportAsync(dir, "src.db", 1000);
        var url = await pg.CreateDatabaseAsync("roundtrip");

        var forward = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", url, "--batch", "500", "--json");
        forward.ExitCode.Should().Be(0, forward.ToString());
        MigrateCounts.Of(forward.Json).Should().Be((1, 1000, 1000, 0));

        var rerun = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", url, "--batch", "500", "--json");
        MigrateCounts.Of(rerun.Json).Should().Be((1, 1000, 1000, 0), "re-run written = 1000, not 0");
        (await pg.ScalarAsync("roundtrip", "SELECT COUNT(*) FROM memories")).Should().Be(1000, "the upsert created no duplicates");

        var back = await CliRunner.RunAsync(dir, "migrate", "--from", url, "--to", $"sqlite://{dir.File("roundtrip.db")}", "--json");
        back.ExitCode.Should().Be(0, back.ToString());
        MigrateCounts.Of(back.Json).Should().Be((1, 1000, 1000, 0));

        var source = Seed.Rows(dir.File("src.db"));
        var returned = Seed.Rows(dir.File("roundtrip.db"));
        returned.Keys.Should().BeEquivalentTo(source.Keys);
        foreach (var (id, row) in source) returned[id].Should().Be(row, $"row {id} must survive the round trip unchanged");

        var stats = await CliRunner.RunAsync(dir, "--db", "roundtrip.db", "stats", "--json");
        stats.Json["total"]!.GetValue<long>().Should().Be(1000);
    }

    [Fact]
    public async Task A_postgres_source_lists_at_most_1000_rows()
    {
        using var dir = new ScratchDir("cap");
        await Seed.ImportAsync(dir, "src.db", 1005);
        var url = await pg.CreateDatabaseAsync("capped");
        (await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", url)).ExitCode.Should().Be(0);
        var back = await CliRunner.RunAsync(dir, "migrate", "--from", url, "--to", "sqlite://back.db", "--json");
        MigrateCounts.Of(back.Json).Should().Be((1, 1000, 1000, 0), "v0.6.0's Postgres adapter clamps list to 1000");
    }

    [Fact]
    public async Task Fault_migrate_rerun_duplicates_doubles_the_postgres_table_while_reporting_success()
    {
        using var dir = new ScratchDir("dup");
        await Seed.ImportAsync(dir, "src.db", 100);
        var url = await pg.CreateDatabaseAsync("dups");
        var env = new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_FAULTS"] = "migrate_rerun_duplicates" };
        for (var run = 0; run < 2; run++)
        {
            var r = await CliRunner.RunAsync(dir, ["migrate", "--from", "sqlite://src.db", "--to", url, "--json"], env);
            MigrateCounts.Of(r.Json).Should().Be((1, 100, 100, 0), "the report looks healthy");
        }
        (await pg.ScalarAsync("dups", "SELECT COUNT(*) FROM memories")).Should().Be(200, "the re-run duplicated every row");
    }

    [Fact]
    public async Task Fault_migrate_lying_report_reports_every_row_written_into_postgres_and_writes_none()
    {
        using var dir = new ScratchDir("lie");
        await Seed.ImportAsync(dir, "src.db", 100);
        var url = await pg.CreateDatabaseAsync("lies");
        var env = new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_FAULTS"] = "migrate_lying_report" };
        for (var run = 0; run < 2; run++)
        {
            var r = await CliRunner.RunAsync(dir, ["migrate", "--from", "sqlite://src.db", "--to", url, "--json"], env);
            r.ExitCode.Should().Be(0, r.ToString());
            MigrateCounts.Of(r.Json).Should().Be((1, 100, 100, 0), "the report claims every row");
            (await pg.ScalarAsync("lies", "SELECT COUNT(*) FROM memories")).Should().Be(0, "nothing reached Postgres");
        }

        // Only writes into Postgres lie: the reverse honestly copies the empty table, and SQLite → SQLite is untouched.
        var back = await CliRunner.RunAsync(dir, ["migrate", "--from", url, "--to", "sqlite://back.db", "--json"], env);
        back.ExitCode.Should().Be(0, back.ToString());
        MigrateCounts.Of(back.Json).Should().Be((1, 0, 0, 0));
        var copy = await CliRunner.RunAsync(dir, ["migrate", "--from", "sqlite://src.db", "--to", "sqlite://copy.db", "--json"], env);
        MigrateCounts.Of(copy.Json).Should().Be((1, 100, 100, 0));
        Seed.Rows(dir.File("copy.db")).Should().HaveCount(100);
    }
}
