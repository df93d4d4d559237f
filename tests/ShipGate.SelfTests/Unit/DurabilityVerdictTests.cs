using FluentAssertions;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class DurabilityVerdictTests
{
    private const string Kill = "kill_primary_mid_write";

    private static ChaosCycleRecord Cycle(int n, int ok = 30, int? n1 = 30, int? n2 = 30, params string[] lost) =>
        new ChaosCycleRecord(n, Kill, 30, ok, 0, 30 - ok, 30, n1, n2, 0, 0, [], [], true, true, 0.1, 1.4, null) { Lost = lost };

    private static ChaosClassEvidence Class(params ChaosCycleRecord[] cycles) =>
        new(Kill, "SIGKILL node 0", true, null, cycles.Length, 30, 500, false, null, cycles, [], 70);

    [Fact]
    public void EveryAcknowledgedWriteOnASurvivorPasses()
    {
        var (verdict, measured) = DurabilityVerdicts.NoAcknowledgedWriteLost(Class(Cycle(1), Cycle(2, ok: 29, n1: 29, n2: 28)));

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        verdict.Message.Should().Contain("all 59 acknowledged writes of 2 cycles");
        measured.Should().Be(0);
    }

    [Fact]
    public void OneLostWriteIsRedWhateverTheBoundAllowsAndIsNamedWithItsCycle()
    {
        // 1 of 300 acknowledged writes missing: 0.33 %, inside the card's 0.5 %.
        var cycles = Enumerable.Range(1, 10).Select(n => Cycle(n)).ToArray();
        cycles[6] = Cycle(7, n1: 29, n2: 29, lost: "c7-w12");

        var (verdict, measured) = DurabilityVerdicts.NoAcknowledgedWriteLost(Class(cycles));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("1 acknowledged write(s) on neither survivor").And.Contain("cycle 7: c7-w12");
        measured.Should().Be(1);
    }

    [Fact]
    public void LostWritesWhereASurvivorDidNotAnswerAreNoEvidence()
    {
        var (verdict, _) = DurabilityVerdicts.NoAcknowledgedWriteLost(Class(Cycle(1), Cycle(2, n2: null, lost: "c2-w3")));

        verdict.Outcome.Should().Be(Outcome.NoEvidence);
        verdict.Message.Should().Contain("cycle(s) 2");
    }

    [Fact]
    public void ASurvivorThatDidNotAnswerWhileTheOtherHoldsEverythingProvesNothingLost() =>
        DurabilityVerdicts.NoAcknowledgedWriteLost(Class(Cycle(1, n2: null))).Verdict.Outcome.Should().Be(Outcome.Pass);

    [Fact]
    public void NothingAcknowledgedOrNoCycleIsNoEvidence()
    {
        DurabilityVerdicts.NoAcknowledgedWriteLost(Class(Cycle(1, ok: 0, n1: 0, n2: 0))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        DurabilityVerdicts.NoAcknowledgedWriteLost(Class()).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Fact]
    public void APeerThatReceivesNoneOfTheReadinessWritesIsAProductFindingNotAHarnessError()
    {
        var notReady = new ReplicationNotReady(1, "node-0", ["node-2"], [.. Enumerable.Range(1, 10).Select(i => $"c1-ready{i}")], 6.7);
        var c = Class() with { NotReady = notReady };
        var e = new Phase4Evidence(null, "img", [Kill], [c], Phase4Evidence.ResetInPlace, 70);

        var (verdict, _) = DurabilityVerdicts.NoAcknowledgedWriteLost(c);

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("node-2 received none of the 10 readiness writes node-0 acknowledged").And.Contain("within 6.7 s")
            .And.Contain("node-0 does not replicate to node-2");
        Phase4Verdicts.FinishedInBudget(e, Kill).Verdict.Message.Should().StartWith("cycle 1 could not start").And.NotContain("Exception");
        Phase4Verdicts.Acknowledged(e, Kill).Verdict.Message.Should().Contain("node-0 does not replicate to node-2");
    }
}
