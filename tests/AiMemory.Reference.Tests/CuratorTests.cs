using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>`curator` (contract §3.6) as v0.6.0 runs it without an LLM.</summary>
public sealed class CuratorTests
{
    private const string LongContent = "this content is comfortably longer than the fifty byte eligibility floor";

    [Fact]
    public async Task Once_dry_run_reports_scanned_eligible_and_the_single_no_llm_error()
    {
        using var dir = new ScratchDir("cur");
        await CliRunner.RunAsync(dir, "store", "-T", "eligible mid", "-c", LongContent, "-t", "mid", "-n", "work");
        await CliRunner.RunAsync(dir, "store", "-T", "eligible long", "-c", LongContent, "-t", "long", "-n", "work");
        await CliRunner.RunAsync(dir, "store", "-T", "too short", "-c", "short content", "-t", "mid", "-n", "work");
        await CliRunner.RunAsync(dir, "store", "-T", "internal", "-c", LongContent, "-t", "long", "-n", "_agents");
        await CliRunner.RunAsync(dir, "store", "-T", "short tier", "-c", LongContent, "-t", "short", "-n", "work");

        var r = await CliRunner.RunAsync(dir, "curator", "--once", "--dry-run", "--max-ops", "10", "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        r.Stdout.Trim().Should().Contain("\n", "curator --json is pretty");
        var report = r.Json;
        report.AsObject().Select(p => p.Key).Should().Equal("started_at", "completed_at", "cycle_duration_ms", "memories_scanned",
            "memories_eligible", "auto_tagged", "contradictions_found", "operations_attempted", "operations_skipped_cap",
            "autonomy", "errors", "dry_run");
        report["memories_scanned"]!.GetValue<int>().Should().Be(4, "mid and long rows, _-namespaces included, short excluded");
        report["memories_eligible"]!.GetValue<int>().Should().Be(2, "not _-namespaced and content ≥ 50 bytes");
        Errors(report).Should().Equal("no LLM client configured");
        report["dry_run"]!.GetValue<bool>().Should().BeTrue();
        report["autonomy"]!["errors"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_tier_at_its_scan_cap_adds_the_truncation_error_before_the_no_llm_one()
    {
        using var dir = new ScratchDir("cap");
        await Seed.ImportAsync(dir, "ai-memory.db", 12);
        var r = await CliRunner.RunAsync(dir, "curator", "--once", "--max-ops", "2", "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        Errors(r.Json).Should().Equal("collect_candidates truncated at cap=8", "no LLM client configured");
        r.Json["memories_scanned"]!.GetValue<int>().Should().Be(12, "4 long rows and 8 of the 8 mid rows");
    }

    [Fact]
    public async Task Curator_needs_exactly_one_mode()
    {
        using var dir = new ScratchDir("mode");
        (await CliRunner.RunAsync(dir, "curator", "--dry-run")).ExitCode.Should().Be(1);
        (await CliRunner.RunAsync(dir, "curator", "--once", "--daemon")).ExitCode.Should().Be(2);
        (await CliRunner.RunAsync(dir, "curator", "--rollback-last", "1")).ExitCode.Should().Be(0);
    }

    private static IEnumerable<string> Errors(JsonNode report) => report["errors"]!.AsArray().Select(e => e!.GetValue<string>());
}
