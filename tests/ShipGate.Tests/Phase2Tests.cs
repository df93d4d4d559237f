namespace ShipGate.Tests;

/// <summary>Phase 2, federation with W=2 quorum. The fixture acted; every fact reads one verdict.</summary>
[Phase(2)]
public sealed class Phase2Tests(Phase2Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase2Fixture>
{
    private Phase2Evidence Evidence => fixture.Evidence;

    [Fact(DisplayName = "Phase 2 · preflight: cluster up and healthy")]
    public void ClusterUpAndHealthy() => Gate.Check(Phase2Verdicts.Preflight(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 2 · burst answers only 201 or 503")]
    public void BurstAnswersOnly201Or503() => Gate.Check(Phase2Verdicts.BurstStatuses(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 2 · burst gets ≥ 95% 201")]
    public void BurstIsAcknowledged() => Gate.Check(Phase2Verdicts.BurstAcknowledged(Evidence), fixture.TakeRecord(), output);

    [NodeFact("holds ≥ 95% of acknowledged writes")]
    public void NodeHoldsAcknowledgedWrites(string node) => Gate.Check(Phase2Verdicts.NodeHoldsAcknowledged(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("holds no duplicates and nothing never attempted")]
    public void NodeHoldsNoStraysOrDuplicates(string node) => Gate.Check(Phase2Verdicts.NodeHasNoStraysOrDuplicates(Evidence, node), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 2 · probe 1: node-b down, write to node-a → 201")]
    public void OnePeerDownStillAcknowledges() => Gate.Check(Phase2Verdicts.Probe1(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 2 · probe 2: node-b and node-c down → 503 quorum_not_met with Retry-After")]
    public void BothPeersDownRefuses() => Gate.Check(Phase2Verdicts.Probe2(Evidence), fixture.TakeRecord(), output);
}
