using FluentAssertions;
using ShipGate.Fixtures.Evidence;

namespace ShipGate.SelfTests.Unit;

/// <summary>A soak p99 over its bound stays red, and says whether the test host itself stalled as long at the same moment.</summary>
[Trait("Category", "Unit")]
public sealed class HostLatenessVerdictTests
{
    [Fact]
    public void ABreachDuringAHostStallOfTheSameSizeIsRedAndSaysSo()
    {
        var finding = SoakVerdicts.P99Latency(2, Soak(p99: 980, hostStallAtP99: 910), "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail, "the bound is the bound; the message only names the likely cause");
        finding.Verdict.Message.Should().StartWith("node-b p99 980.0 ms > 900 ms")
            .And.EndWith("the test host itself stalled 910 ms at the same moment");
    }

    [Fact]
    public void ABreachWithoutAHostStallNamesTheHostsPeakElsewhere()
    {
        var finding = SoakVerdicts.P99Latency(2, Soak(p99: 1400, hostStallAtP99: 0), "node-b");

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().EndWith("the test host's own lateness peaked at 120 ms, not during this node's slow answers");
    }

    [Fact]
    public void APassSaysNothingOfTheHost()
    {
        var finding = SoakVerdicts.P99Latency(2, Soak(p99: 30, hostStallAtP99: 25), "node-b");

        finding.Verdict.Passed.Should().BeTrue();
        finding.Verdict.Message.Should().NotContain("test host");
    }

    private static SoakEvidence Soak(double p99, double hostStallAtP99)
    {
        var node = new SoakNode("node-b", 400, 0, new Dictionary<string, int> { ["ok"] = 400 }, 12, p99, p99 + 5, 1, 1, []) { HostStallAtP99Ms = hostStallAtP99 };
        return new SoakEvidence(10, 10, 40, 900, 64, [node], null) { HostLateness = new HostLateness(20, 500, 120, 3, [new HostStall(4.2, 120)]) };
    }
}
