using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>`migrate` between SQLite files (contract §3.7): report shape, exact rows, idempotent re-runs.</summary>
public sealed class MigrateTests
{
    [Fact]
    public async Task Sqlite_to_sqlite_copies_every_row_exactly_and_a_rerun_writes_them_all_again()
    {
        using var dir = new ScratchDir("mig");
        await Seed.ImportAsync(dir, "src.db", 300);
        var dst = dir.File("sub/dst.db");

        var first = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://./src.db", "--to", $"sqlite://{dst}", "--batch", "500", "--json");
        first.ExitCode.Should().Be(0, first.ToString());
        first.Stdout.Trim().Should().Contain("\n", "migrate --json is pretty");
        first.Json.AsObject().Select(p => p.Key).Should().Equal("batches", "dry_run", "errors", "from_url", "memories_read", "memories_written", "to_url");
        MigrateCounts.Of(first.Json).Should().Be((1, 300, 300, 0));
        first.Json["from_url"]!.GetValue<string>().Should().Be("sqlite://./src.db");
        Seed.Rows(dst).Should().Equal(Seed.Rows(dir.File("src.db")));

        var rerun = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", $"sqlite://{dst}", "--json");
        MigrateCounts.Of(rerun.Json).Should().Be((1, 300, 300, 0), "a re-run writes every row again (upsert), it does not report 0");
        Seed.Rows(dst).Should().HaveCount(300, "the upsert key (title, namespace) prevents duplicates");
    }

    [Fact]
    public async Task Dry_run_reads_but_writes_nothing_and_namespace_filters()
    {
        using var dir = new ScratchDir("dry");
        await Seed.ImportAsync(dir, "src.db", 20, ns: "keep");
        await Seed.ImportAsync(dir, "src.db", 5, ns: "other");
        var dry = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", "sqlite://dst.db", "--dry-run", "--json");
        MigrateCounts.Of(dry.Json).Should().Be((1, 25, 0, 0));
        dry.Json["dry_run"]!.GetValue<bool>().Should().BeTrue();

        var filtered = await CliRunner.RunAsync(dir, "migrate", "--from", "sqlite://src.db", "--to", "sqlite://dst.db", "--namespace", "other", "--json");
        MigrateCounts.Of(filtered.Json).Should().Be((1, 5, 5, 0));
    }

    [Theory]
    [InlineData("mysql://u@h/db", "sqlite://dst.db")]
    [InlineData("sqlite://src.db", "redis://h")]
    [InlineData("src.db", "sqlite://dst.db")]
    public async Task An_unknown_store_url_exits_1(string from, string to)
    {
        using var dir = new ScratchDir("url");
        var r = await CliRunner.RunAsync(dir, "migrate", "--from", from, "--to", to);
        r.ExitCode.Should().Be(1, r.ToString());
        r.Stderr.Should().Contain("unrecognised store URL");
        File.Exists(dir.File("dst.db")).Should().BeFalse("nothing is opened before both URLs are known");
    }
}
