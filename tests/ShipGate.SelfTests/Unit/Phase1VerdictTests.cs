using FluentAssertions;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class Phase1VerdictTests
{
    internal static Phase1NodeEvidence Healthy(string node = "node-b") => new(
        node, "ai-memory 0.6.0", new StatsBody(1, null, null, 0, 0, 4096), 1,
        ["ai-memory-2026-11-23T093000Z.db", "ai-memory-2026-11-23T093000Z.manifest.json"],
        ["ai-memory-2026-11-23T093000Z.db"], ["ai-memory-2026-11-23T093000Z.manifest.json"], "abc123def4567890", "abc123def4567890",
        new CuratorReport(1, 1, 0, true, [Thresholds.AllowedCuratorError]),
        [.. Phase1Criteria.McpToolNames], new Dictionary<string, string>(), 2);

    internal static Phase1Evidence With(Phase1NodeEvidence node) => new(null, "img", [node], 3);

    [Fact]
    public void AHealthyNodePassesEveryCriterion()
    {
        var e = With(Healthy());

        new[]
        {
            Phase1Verdicts.StatsTotal(e, "node-b"), Phase1Verdicts.RecallHits(e, "node-b"), Phase1Verdicts.BackupOneSnapshot(e, "node-b"),
            Phase1Verdicts.BackupOneManifest(e, "node-b"), Phase1Verdicts.ManifestChecksum(e, "node-b"), Phase1Verdicts.CuratorErrors(e, "node-b"),
            Phase1Verdicts.McpTools(e, "node-b"), Phase1Verdicts.McpToolNames(e, "node-b"), Phase1Verdicts.VersionRecorded(e, "node-b"),
        }.Should().OnlyContain(f => f.Verdict.Passed);
    }

    [Fact]
    public void ASecondCuratorErrorFailsEvenThoughTheBashGateAllowedOne()
    {
        var e = With(Healthy() with { Curator = new CuratorReport(40, 40, 0, true,
            ["collect_candidates truncated at cap=40", Thresholds.AllowedCuratorError]) });

        var finding = Phase1Verdicts.CuratorErrors(e, "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("collect_candidates truncated").And.Contain("rule: none allowed");
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void McpNeedsThirtyTools(int tools, bool passes) =>
        Phase1Verdicts.McpTools(With(Healthy() with { McpTools = [.. Enumerable.Range(0, tools).Select(i => $"t{i}")] }), "node-b").Verdict.Passed.Should()
            .Be(passes);

    [Fact]
    public void AMissingV060ToolNameFailsNamingItWhileExtraToolsAreFine()
    {
        var tools = Phase1Criteria.McpToolNames.Where(t => t != "memory_forget").Concat(["memory_extra_1", "memory_extra_2"]).ToList();

        var finding = Phase1Verdicts.McpToolNames(With(Healthy() with { McpTools = tools }), "node-b");

        finding.Verdict.Should().Be(Verdict.Fail("tools/list lacks 1 of the 36 v0.6.0 tools: memory_forget"));
        finding.Measured.Should().Be(1);
        Phase1Verdicts.McpToolNames(With(Healthy() with { McpTools = [.. Phase1Criteria.McpToolNames, "memory_extra"] }), "node-b").Verdict.Passed.Should()
            .BeTrue();
    }

    [Fact]
    public void TwoManifestsAfterKeepOneFail() =>
        Phase1Verdicts.BackupOneManifest(With(Healthy() with { ManifestFiles = ["ai-memory-1.manifest.json", "ai-memory-2.manifest.json"] }), "node-b")
            .Verdict.Message.Should().Contain("2 ai-memory-*.manifest.json");

    [Fact]
    public void AChecksumMismatchFails() =>
        Phase1Verdicts.ManifestChecksum(With(Healthy() with { SnapshotSha256 = "ffff" }), "node-b").Verdict.Outcome.Should().Be(Outcome.Fail);

    [Fact]
    public void AStepThatFailedIsAFailNamingTheStep()
    {
        var e = With(Healthy() with { RecallHits = null, StepErrors = new Dictionary<string,
            string> { [Phase1Steps.Recall] = "ai-memory recall exited 1: Error: boom" } });

        Phase1Verdicts.RecallHits(e, "node-b").Verdict.Should().Be(Verdict.Fail("recall failed on node-b: ai-memory recall exited 1: Error: boom"));
    }

    [Fact]
    public void ZeroStatsTotalFails() =>
        Phase1Verdicts.StatsTotal(With(Healthy() with { Stats = new StatsBody(0, null, null, null, null, null) }), "node-b").Verdict.Outcome.Should()
            .Be(Outcome.Fail);

    [Fact]
    public void WithoutACLusterEveryNodeCriterionHasNoEvidence()
    {
        var e = Phase1Evidence.Failed($"{SettingNames.NodeExecutable}=/x: no such file — publish it", null, 0);

        Phase1Verdicts.Preflight(e).Verdict.Outcome.Should().Be(Outcome.Fail);
        Phase1Verdicts.McpTools(e, "node-a").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        Phase1Verdicts.McpTools(With(Healthy()), "node-c").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }
}
