using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

/// <summary>
/// Phase 4, chaos, one fact per fault class × criterion. The fixture acted; every fact reads one verdict.
/// kill_primary_mid_write and partition_minority are gated: not running them is red. pause_peer and
/// clock_skew_peer are opt-in (SHIPGATE_CHAOS_FAULTS) and show as skipped, with the reason, when not enabled.
/// </summary>
[Phase(4)]
public sealed class Phase4Tests(Phase4Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase4Fixture>
{
    private const string P = "Phase 4 · ";
    private const string Kill = "kill_primary_mid_write";
    private const string Partition = "partition_minority";
    private const string Pause = "pause_peer";
    private const string Skew = "clock_skew_peer";
    private const string Acked = " · Σok > 0";
    private const string Budget = " · finished within its time budget";
    private const string Counts = " · 0 ≤ count ≤ writes on every node";
    private const string Bound = " · convergence_bound ≥ 0.995";

    private Phase4Evidence Evidence => fixture.Evidence;

    [Fact(DisplayName = P + "preflight: chaos cluster up")]
    public void ChaosClusterUp() => Gate.Check(Phase4Verdicts.Preflight(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = P + Kill + Acked)]
    public void KillAcknowledges() => Check(Phase4Verdicts.Acknowledged, Kill);

    [Fact(DisplayName = P + Kill + Budget)]
    public void KillFinishesInBudget() => Check(Phase4Verdicts.FinishedInBudget, Kill);

    [Fact(DisplayName = P + Kill + Counts)]
    public void KillCountsWithinWrites() => Check(Phase4Verdicts.CountsWithinWrites, Kill);

    [Fact(DisplayName = P + Kill + Bound)]
    public void KillConverges() => Check(Phase4Verdicts.ConvergenceBound, Kill);

    [Fact(DisplayName = P + Partition + Acked)]
    public void PartitionAcknowledges() => Check(Phase4Verdicts.Acknowledged, Partition);

    [Fact(DisplayName = P + Partition + Budget)]
    public void PartitionFinishesInBudget() => Check(Phase4Verdicts.FinishedInBudget, Partition);

    [Fact(DisplayName = P + Partition + Counts)]
    public void PartitionCountsWithinWrites() => Check(Phase4Verdicts.CountsWithinWrites, Partition);

    [Fact(DisplayName = P + Partition + Bound)]
    public void PartitionConverges() => Check(Phase4Verdicts.ConvergenceBound, Partition);

    [SkippableFact(DisplayName = P + Pause + Acked)]
    public void PauseAcknowledges() => CheckOptIn(Phase4Verdicts.Acknowledged, Pause);

    [SkippableFact(DisplayName = P + Pause + Budget)]
    public void PauseFinishesInBudget() => CheckOptIn(Phase4Verdicts.FinishedInBudget, Pause);

    [SkippableFact(DisplayName = P + Pause + Counts)]
    public void PauseCountsWithinWrites() => CheckOptIn(Phase4Verdicts.CountsWithinWrites, Pause);

    [SkippableFact(DisplayName = P + Pause + Bound)]
    public void PauseConverges() => CheckOptIn(Phase4Verdicts.ConvergenceBound, Pause);

    [SkippableFact(DisplayName = P + Skew + Acked)]
    public void SkewAcknowledges() => CheckOptIn(Phase4Verdicts.Acknowledged, Skew);

    [SkippableFact(DisplayName = P + Skew + Budget)]
    public void SkewFinishesInBudget() => CheckOptIn(Phase4Verdicts.FinishedInBudget, Skew);

    [SkippableFact(DisplayName = P + Skew + Counts)]
    public void SkewCountsWithinWrites() => CheckOptIn(Phase4Verdicts.CountsWithinWrites, Skew);

    [SkippableFact(DisplayName = P + Skew + Bound)]
    public void SkewConverges() => CheckOptIn(Phase4Verdicts.ConvergenceBound, Skew);

    private void Check(Func<Phase4Evidence, string, Finding> verdict, string fault) => Gate.Check(verdict(Evidence, fault), fixture.TakeRecord(), output);

    // The one place a skip fits: an opt-in class the settings did not enable was never meant to run.
    private void CheckOptIn(Func<Phase4Evidence, string, Finding> verdict, string fault)
    {
        Skip.If(Evidence.SetupFailure is null && !fixture.Enabled.Contains(fault),
            $"{fault} is opt-in and not enabled: add it to {SettingNames.ChaosFaults} to run it");
        Check(verdict, fault);
    }
}
