using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Each CLI/MCP fault switch changes exactly what it names and nothing next to it (migrate_rerun_duplicates needs
/// Postgres and lives in MigratePostgresTests).
/// </summary>
public sealed class CliFaultSwitchTests
{
    private static Dictionary<string, string> Fault(string name) => new() { ["AI_MEMORY_REFERENCE_FAULTS"] = name };

    [Fact]
    public async Task Backup_no_manifest_writes_the_snapshot_but_no_manifest()
    {
        using var dir = new ScratchDir("f-nomani");
        var r = await CliRunner.RunAsync(dir, ["backup", "--to", "snaps", "--keep", "1"], Fault("backup_no_manifest"));
        r.ExitCode.Should().Be(0, r.ToString());
        Directory.GetFiles(dir.File("snaps"), "ai-memory-*.db").Should().ContainSingle();
        Directory.GetFiles(dir.File("snaps"), "*.manifest.json").Should().BeEmpty();
    }

    [Fact]
    public async Task Backup_keep_two_keeps_one_snapshot_more_than_asked()
    {
        using var dir = new ScratchDir("f-keep");
        var snaps = Directory.CreateDirectory(dir.File("snaps")).FullName;
        for (var i = 1; i <= 3; i++) Snapshots.PlantOld(snaps, TimeSpan.FromHours(i));
        var r = await CliRunner.RunAsync(dir, ["backup", "--to", "snaps", "--keep", "1"], Fault("backup_keep_two"));
        r.ExitCode.Should().Be(0, r.ToString());
        Directory.GetFiles(snaps, "ai-memory-*.db").Should().HaveCount(2);
        Directory.GetFiles(snaps, "*.manifest.json").Should().HaveCount(2, "the manifest is still written");
    }

    [Fact]
    public async Task Mcp_20_tools_truncates_tools_list_only()
    {
        using var dir = new ScratchDir("f-mcp");
        await using var mcp = await McpClient.StartInitializedAsync(dir, Fault("mcp_20_tools"));
        var tools = (await mcp.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray();
        tools.Select(t => t!["name"]!.GetValue<string>()).Should().Equal(McpTests.Catalogue.Take(20).Select(c => c.Name));
    }

    [Fact]
    public async Task Curator_real_error_adds_a_second_error_and_keeps_the_no_llm_one()
    {
        using var dir = new ScratchDir("f-cur");
        var r = await CliRunner.RunAsync(dir, ["curator", "--once", "--dry-run", "--max-ops", "10", "--json"], Fault("curator_real_error"));
        r.ExitCode.Should().Be(0, r.ToString());
        r.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>())
            .Should().Equal("collect_candidates failed: database is locked", "no LLM client configured");
    }

    [Fact]
    public async Task Migrate_drop_every_100th_loses_ten_rows_of_1000_from_both_counters_silently()
    {
        using var dir = new ScratchDir("f-drop");
        await Seed.ImportAsync(dir, "src.db", 1000);
        var r = await CliRunner.RunAsync(dir, ["migrate", "--from", "sqlite://src.db", "--to", "sqlite://dst.db", "--json"],
            Fault("migrate_drop_every_100th"));
        r.ExitCode.Should().Be(0, r.ToString());
        MigrateCounts.Of(r.Json).Should().Be((1, 990, 990, 0));
        Seed.Rows(dir.File("dst.db")).Should().HaveCount(990);
    }

    [Fact]
    public async Task Migrate_corrupt_content_truncates_every_10th_row_with_equal_counts()
    {
        using var dir = new ScratchDir("f-corrupt");
        await Seed.ImportAsync(dir, "src.db", 200);
        var r = await CliRunner.RunAsync(dir, ["migrate", "--from", "sqlite://src.db", "--to", "sqlite://dst.db", "--json"],
            Fault("migrate_corrupt_content"));
        MigrateCounts.Of(r.Json).Should().Be((1, 200, 200, 0));
        var source = Seed.Rows(dir.File("src.db"));
        var copied = Seed.Rows(dir.File("dst.db"));
        copied.Should().HaveCount(200);
        source.Count(s => copied[s.Key] != s.Value).Should().Be(20, "exactly every 10th row differs");
    }

    [Fact]
    public async Task Without_switches_nothing_of_the_above_happens()
    {
        using var dir = new ScratchDir("f-none");
        var curator = await CliRunner.RunAsync(dir, "curator", "--once", "--json");
        curator.Json["errors"]!.AsArray().Should().HaveCount(1);
        (await CliRunner.RunAsync(dir, "backup", "--to", "snaps")).ExitCode.Should().Be(0);
        Directory.GetFiles(dir.File("snaps"), "*.manifest.json").Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_switch_name_fails_loudly()
    {
        using var dir = new ScratchDir("f-typo");
        var r = await CliRunner.RunAsync(dir, ["stats"], Fault("backup_no_manifes"));
        r.ExitCode.Should().Be(1, r.ToString());
        r.Stderr.Should().Contain("unknown fault switch");
    }
}
