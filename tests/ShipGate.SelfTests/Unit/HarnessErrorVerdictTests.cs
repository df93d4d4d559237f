using FluentAssertions;
using ShipGate.Fixtures.Evidence;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// A class the harness stopped is the gate's own failure (no evidence), never the product's red; re-runs are named;
/// a hung class stays red and names the test host's own lateness beside its budget.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HarnessErrorVerdictTests
{
    private const string Partition = "partition_minority";
    private const string PortInUse =
        "cycle 5: node-a serve exited before becoming healthy | Error: Failed to bind to address http://0.0.0.0:9077: address already in use";

    [Fact]
    public void AClassStoppedByTheHarnessIsNoEvidenceWordedAsTheGatesOwnFailure()
    {
        var e = Evidence(4, PortInUse, [new CycleRerun(5, 1, "first"), new CycleRerun(5, 1, "second")]);

        var finding = Phase4Verdicts.FinishedInBudget(e, Partition);

        finding.Verdict.Outcome.Should().Be(Outcome.NoEvidence, "the product was never judged in cycle 5");
        finding.Verdict.Message.Should().StartWith("the gate's own failure, not the product's").And.Contain("address already in use")
            .And.Contain("2 cycle(s) broken by the harness and run again: c5 (first); c5 (second)").And.Contain("last completed cycle 4 of 5");
    }

    [Fact]
    public void AClassThatReRanABrokenCycleAndFinishedPassesAndSaysSo()
    {
        var e = Evidence(5, null, [new CycleRerun(3, 1, PortInUse)]);

        var finding = Phase4Verdicts.FinishedInBudget(e, Partition);

        finding.Verdict.Passed.Should().BeTrue();
        finding.Verdict.Message.Should().Contain("1 cycle(s) broken by the harness and run again: c3 (cycle 5: node-a serve exited");
    }

    [Fact]
    public void AHungClassStaysRedAndNamesTheTestHostsOwnLateness()
    {
        var e = Evidence(4, null, []);
        e = e with { Classes = [e.Classes[0] with { Hung = true, HostLateness = new HostLateness(20, 900, 916, 4, [new HostStall(12.5, 916)]) }] };

        var finding = Phase4Verdicts.FinishedInBudget(e, Partition);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("hung").And.EndWith("the test host's own lateness peaked at 916 ms (4 stalls ≥ 50 ms)");
    }

    private static Phase4Evidence Evidence(int completed, string? harnessError, IReadOnlyList<CycleRerun> reruns)
    {
        var cycles = Enumerable.Range(1, completed)
            .Select(n => new ChaosCycleRecord(n, Partition, 30, 30, 0, 0, 30, 30, 30, 0, 0, [], [], true, true, 0.1, 1.4, null)).ToList();
        var c = new ChaosClassEvidence(Partition, "cut node 0", true, null, 5, 30, 120, false, harnessError, cycles, [], 20) { Reruns = reruns };
        return new(null, "img", [Partition], [c], Phase4Evidence.ResetInPlace, 20);
    }
}
