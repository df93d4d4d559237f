using FluentAssertions;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class SoakAndLivenessVerdictTests
{
    private static SoakNode Node(string alias, int ops = 300, int errors = 0, double p99 = 40, long? start = 60_000_000, long? end = 70_000_000) =>
        new(alias, ops, errors, new Dictionary<string, int> { ["ok"] = ops - errors }, 10, p99, p99 + 5, start, end, errors == 0 ? []
            : [$"{alias} write → no-answer"]);

    private static SoakEvidence Soak(params SoakNode[] nodes) => new(30, 30.1, 40, 1000, 64, nodes, null);

    [Fact]
    public void ASoakWithoutErrorsPasses() =>
        SoakVerdicts.NoErrors(Soak(Node("node-a"), Node("node-b"))).Verdict.Outcome.Should().Be(Outcome.Pass);

    [Fact]
    public void OneErrorAnywhereIsRedAndNamesIt()
    {
        var finding = SoakVerdicts.NoErrors(Soak(Node("node-a"), Node("node-b", errors: 1)));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("1/600").And.Contain("node-b write → no-answer");
    }

    [Fact]
    public void ASoakOfZeroOperationsIsNoEvidenceNeverAPass()
    {
        SoakVerdicts.NoErrors(Soak(Node("node-a", ops: 0))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        SoakVerdicts.NoErrors(null).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        SoakVerdicts.P99Latency(Soak(Node("node-a"), Node("node-b", ops: 0)), "node-b").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        SoakVerdicts.MemoryGrowth(Soak(Node("node-a", start: null)), "node-a").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Theory]
    [InlineData(1000, Outcome.Pass)]
    [InlineData(1000.1, Outcome.Fail)]
    public void P99IsJudgedAtItsExactBound(double p99, Outcome expected) =>
        SoakVerdicts.P99Latency(Soak(Node("node-a", p99: p99)), "node-a").Verdict.Outcome.Should().Be(expected);

    [Theory]
    [InlineData(64, Outcome.Pass)]
    [InlineData(65, Outcome.Fail)]
    public void MemoryGrowthIsJudgedAtItsBound(int growthMib, Outcome expected) =>
        SoakVerdicts.MemoryGrowth(Soak(Node("node-a", start: 50L << 20, end: (50L + growthMib) << 20)), "node-a").Verdict.Outcome.Should().Be(expected);

    [Fact]
    public void NearestRankPercentile() =>
        Fixtures.Campaigns.SoakLoad.Percentile([.. Enumerable.Range(1, 100).Select(i => (double)i)], 99).Should().Be(99);

    private static NodeLiveness Life(bool running = true, bool healthy = true, long restarts = 0, string? startedNow = "t0", long? exit = null) =>
        new("node-b", "t0", startedNow, restarts, running, exit, false, healthy, healthy ? "200 ok" : "no answer", running && healthy ? [] : ["panic: boom"],
            null);

    [Fact]
    public void ANodeStillRunningTheSameHealthyProcessIsAlive() =>
        LivenessVerdicts.Alive(Life(), "node-b").Verdict.Outcome.Should().Be(Outcome.Pass);

    [Fact]
    public void ANodeThatExitedIsRedWithItsExitCodeAndLog()
    {
        var finding = LivenessVerdicts.Alive(Life(running: false, healthy: false, exit: 1), "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("exit 1").And.Contain("panic: boom");
    }

    [Fact]
    public void ARestartedOrUnhealthyNodeIsRed()
    {
        LivenessVerdicts.Alive(Life(restarts: 1), "node-b").Verdict.Outcome.Should().Be(Outcome.Fail);
        LivenessVerdicts.Alive(Life(startedNow: "t1"), "node-b").Verdict.Outcome.Should().Be(Outcome.Fail);
        LivenessVerdicts.Alive(Life(healthy: false), "node-b").Verdict.Outcome.Should().Be(Outcome.Fail);
    }

    [Fact]
    public void ANodeNeverCheckedIsNoEvidence() =>
        LivenessVerdicts.Alive(null, "node-b").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
}
