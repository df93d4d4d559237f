using FluentAssertions;
using ShipGate.Fixtures.Faults;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class Phase4VerdictTests
{
    private const string Kill = "kill_primary_mid_write";

    [Fact]
    public void ZeroAcknowledgedWritesIsNoEvidenceNeverOnePointZero()
    {
        var e = Evidence(Cycles(50, _ => Cycle(ok: 0, n1: 0, n2: 0, fail: 100)));

        Phase4Verdicts.Acknowledged(e, Kill).Verdict.Should().Be(Verdict.NoEvidence(Phase4Verdicts.Acknowledged(e, Kill).Verdict.Message));
        Phase4Verdicts.Acknowledged(e, Kill).Verdict.Message.Should().StartWith("0 acknowledged writes in 50 cycles");
        Phase4Verdicts.ConvergenceBound(e, Kill).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        Phase4Verdicts.ConvergenceBound(e, Kill).Measured.Should().BeNull();
    }

    [Fact]
    public void AHungClassIsRedAndNamesTheLastCompletedCycle()
    {
        var e = Evidence(Cycles(17, _ => Cycle(ok: 100, n1: 100, n2: 100)), hung: true);

        var finding = Phase4Verdicts.FinishedInBudget(e, Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("hung").And.Contain("last completed cycle 17 of 50").And.Contain("cycle 18");
    }

    [Fact]
    public void AHungClassOnTwoClustersNamesTheCyclesItWasIn()
    {
        // Lane 1 hung in cycle 18 while lane 2 went on to finish 19 and 20.
        var cycles = Cycles(20, _ => Cycle(ok: 100, n1: 100, n2: 100)).Where(c => c.Cycle != 18).ToList();
        var e = Evidence(cycles, hung: true);
        e = e with { Classes = [e.Classes[0] with { Lanes = 2, Unfinished = [18, 21] }] };

        var finding = Phase4Verdicts.FinishedInBudget(e, Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should()
            .Contain("ran out in cycle 18, 21").And.Contain("last completed cycle 20 of 50").And.Contain("19 completed on 2 clusters");
    }

    [Fact]
    public void AHungWriteIsRedEvenWhenTheClassEndsWithinItsBudget()
    {
        var cycles = Cycles(50, _ => Cycle(ok: 100, n1: 100, n2: 100)).ToList();
        cycles[6] = cycles[6] with { Unanswered = 5, FirstUnanswered = "c7-w40: no answer within 5 s" };

        var finding = Phase4Verdicts.FinishedInBudget(Evidence(cycles), Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("5 write(s) got no answer").And.Contain("c7-w40");
        finding.Measured.Should().Be("50/50 cycles in 70.0 s, 5 unanswered");
    }

    [Fact]
    public void NoUnansweredWriteAndAllCyclesInBudgetPasses() =>
        Phase4Verdicts.FinishedInBudget(Evidence(Cycles(50, _ => Cycle(3, 3, 3))), Kill).Verdict.Outcome.Should().Be(Outcome.Pass);

    [Fact]
    public void AHarnessStopIsRedToo() =>
        Phase4Verdicts.FinishedInBudget(Evidence(Cycles(3, _ => Cycle(3, 3, 3)), error: "cycle 4: node-b serve did not become healthy"), Kill)
            .Verdict.Message.Should().Contain("cycle 4: node-b").And.Contain("last completed cycle 3 of 50");

    [Fact]
    public void CountsAboveWritesArePollutionEvenWhenTheBoundLooksGreat()
    {
        // B18: one database and namespace for every cycle, so cycle n counts 3n rows.
        var e = Evidence(Cycles(50, n => Cycle(ok: 3, n1: Math.Min(3 * n, 100 + n), n2: 3 * n)), writes: 100);

        Phase4Verdicts.CountsWithinWrites(e, Kill).Verdict.Outcome.Should().Be(Outcome.Fail);
        Phase4Verdicts.CountsWithinWrites(e, Kill).Verdict.Message.Should().Contain("c34 node1=");
        e.Class(Kill)!.ConvergenceBound.Should().BeGreaterThan(6);
    }

    [Fact]
    public void AHealthyKillClassWithThreeAcknowledgedPerCycleConvergesAtOne()
    {
        var e = Evidence(Cycles(50, _ => Cycle(ok: 3, n1: 3, n2: 3, fail: 97, n0: null)));

        var finding = Phase4Verdicts.ConvergenceBound(e, Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Pass);
        finding.Measured.Should().Be(1.0);
        // The bash gate's B17 metric Σok/Σwrites would have read 150/5000 = 0.03 here.
        ((double)e.Class(Kill)!.SumOk / e.Class(Kill)!.SumWrites).Should().Be(0.03);
        Phase4Verdicts.CountsWithinWrites(e, Kill).Verdict.Passed.Should().BeTrue();
    }

    [Theory]
    [InlineData(995, Outcome.Pass)] // exactly 0.995
    [InlineData(994, Outcome.Fail)]
    public void TheBoundaryIsExactlyPointNineNineFive(int held, Outcome expected)
    {
        // 10 cycles × 100 acknowledged; node-c short by (1000 - held) in the first cycle.
        var e = Evidence(Cycles(10, n => Cycle(ok: 100, n1: 100, n2: n == 1 ? 100 - (1000 - held) : 100)));

        Phase4Verdicts.ConvergenceBound(e, Kill).Verdict.Outcome.Should().Be(expected);
    }

    [Fact]
    public void AnUnreachableSurvivorCountsZeroAndTheWorstCyclesAreNamed()
    {
        var e = Evidence(Cycles(4, n => n == 3 ? Cycle(ok: 100, n1: null, n2: 100) : Cycle(ok: 100, n1: 100, n2: 100)));

        var finding = Phase4Verdicts.ConvergenceBound(e, Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("300/400").And.Contain("c3 ok=100 n1=null n2=100");
        Phase4Verdicts.CountsWithinWrites(e, Kill).Verdict.Passed.Should().BeTrue(); // null is not pollution
    }

    [Fact]
    public void ABoundMeasuredWithoutTheFaultIsNoEvidence()
    {
        var e = Evidence(Cycles(5, n => Cycle(ok: 100, n1: 100, n2: 100) with
        {
            FaultApplied = n != 2, FaultAttempts = n != 2 ? 1 : 3, FaultRefusal = n != 2 ? null : "OCI runtime pause failed: unable to freeze: unknown",
        }));

        var finding = Phase4Verdicts.ConvergenceBound(e, Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        finding.Verdict.Message.Should()
            .Contain("fault fired in 4 of 5 cycles (not in c2 (the engine refused the fault, all 3 attempts: OCI runtime pause failed");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AClassWhoseFaultDidNotFireInEveryCycleIsRedWhateverTheBound(int fired)
    {
        // A node that acknowledges 2 writes per cycle and then errors never reaches the trigger (after the 3rd
        // acknowledged write): the fault is "not applied" (null), and the bound of 2/2 per cycle reads 1.0.
        var e = Evidence(Cycles(5, n => Cycle(ok: 2, n1: 2, n2: 2, fail: 98) with { FaultApplied = n <= fired ? true : null }));

        var finding = Phase4Verdicts.ConvergenceBound(e, Kill);

        finding.Verdict.Passed.Should().BeFalse();
        finding.Verdict.Message.Should().Contain($"fault fired in {fired} of 5 cycles");
    }

    [Fact]
    public void AGatedClassThatDidNotRunIsNoEvidence()
    {
        var e = new Phase4Evidence(null, "img", ["partition_minority"],
            [ChaosClassEvidence.NotEnabled(FaultClass.KillPrimaryMidWrite, 50, 100)], Phase4Evidence.ResetInPlace, 1);

        Phase4Verdicts.ConvergenceBound(e, Kill).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Fact]
    public void EveryFaultClassIsAKnownSettingAndAliasesResolve()
    {
        FaultClass.All.Select(c => c.Name).Concat(FaultClass.All.SelectMany(c => c.Aliases))
            .Should().BeEquivalentTo(Fixtures.Settings.GateSettings.KnownChaosFaults);
        FaultClass.Enabled(["drop_random_acks", "pause_peer"]).Should().Equal(FaultClass.PausePeer);
    }

    internal static IReadOnlyList<ChaosCycleRecord> Cycles(int count, Func<int, ChaosCycleRecord> make) =>
        Enumerable.Range(1, count).Select(n => make(n) with { Cycle = n }).ToList();

    internal static ChaosCycleRecord Cycle(int ok, int? n1, int? n2, int fail = 0, int? n0 = 100) =>
        new(0, Kill, 100, ok, 0, fail == 0 ? 100 - ok : fail, n0 ?? null, n1, n2, 0, 0, [], [], true, true, 0.1, 1.4, null);

    internal static Phase4Evidence Evidence(IReadOnlyList<ChaosCycleRecord> cycles, bool hung = false, string? error = null, int writes = 100) =>
        new(null, "img", [Kill],
            [new ChaosClassEvidence(Kill, "SIGKILL node 0", true, null, 50, writes, 500, hung, error, cycles, [], 70)],
            Phase4Evidence.ResetInPlace, 70);
}
