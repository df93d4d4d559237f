using FluentAssertions;
using ShipGate.Fixtures.Evidence;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// A soak p99 over its bound stays red, and says whether the test host itself stalled as long at the same moment; a chaos
/// cycle short of writes says when the host stalled during its writes.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HostLatenessVerdictTests
{
    [Fact]
    public void ABreachDuringAHostStallOfTheSameSizeIsRedAndSaysSo()
    {
        var finding = SoakVerdicts.P99Latency(Soak(p99: 980, hostStallAtP99: 910), "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail, "the bound is the bound; the message only names the likely cause");
        finding.Verdict.Message.Should().StartWith("node-b p99 980.0 ms > 900 ms")
            .And.EndWith("the test host itself stalled 910 ms at the same moment");
    }

    [Fact]
    public void ABreachWithoutAHostStallNamesTheHostsPeakElsewhere()
    {
        var finding = SoakVerdicts.P99Latency(Soak(p99: 1400, hostStallAtP99: 0), "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().EndWith("the test host's own lateness peaked at 120 ms, not during this node's slow answers");
    }

    [Fact]
    public void APassSaysNothingOfTheHost()
    {
        var finding = SoakVerdicts.P99Latency(Soak(p99: 30, hostStallAtP99: 25), "node-b");

        finding.Verdict.Passed.Should().BeTrue();
        finding.Verdict.Message.Should().NotContain("test host");
    }

    [Fact]
    public void AShortChaosCycleSaysWhenTheTestHostStalledDuringItsWrites()
    {
        var cycles = Enumerable.Range(1, 30).Select(n => new ChaosCycleRecord(
            n, "kill_primary_mid_write", 100, 3, 0, 97, null, 3, n == 25 ? 0 : 3, 0, n == 25 ? 3 : 0, [], n == 25 ? ["c25-w0", "c25-w1", "c25-w2"] : [],
            true, n != 25, 0.1, 1.4, null) { HostStallMs = n == 25 ? 880 : 0 }).ToList();
        var c = new ChaosClassEvidence("kill_primary_mid_write", "SIGKILL node 0", true, null, 30, 100, 300, false, null, cycles, [], 60);
        var e = new Phase4Evidence(null, "img", ["kill_primary_mid_write"], [c], Phase4Evidence.ResetInPlace, 60);

        var finding = Phase4Verdicts.ConvergenceBound(e, "kill_primary_mid_write");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail, "a stalled host explains, it does not excuse");
        finding.Verdict.Message.Should()
            .Contain("c25 ok=3 n1=3 n2=0 missing n1:[] n2:[c25-w0,c25-w1,c25-w2] (the test host itself stalled 880 ms during its writes)");
    }

    private static SoakEvidence Soak(double p99, double hostStallAtP99)
    {
        var node = new SoakNode("node-b", 400, 0, new Dictionary<string, int> { ["ok"] = 400 }, 12, p99, p99 + 5, 1, 1,
            []) { HostStallAtP99Ms = hostStallAtP99 };
        return new SoakEvidence(10, 10, 40, 900, 64, [node], null) { HostLateness = new HostLateness(20, 500, 120, 3, [new HostStall(4.2, 120)]) };
    }
}
