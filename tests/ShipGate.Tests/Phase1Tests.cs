namespace ShipGate.Tests;

/// <summary>Phase 1, functional, on each node. The fixture acted; every fact reads one verdict.</summary>
[Phase(1)]
public sealed class Phase1Tests(Phase1Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase1Fixture>
{
    private Phase1Evidence Evidence => fixture.Evidence;

    [Fact(DisplayName = "Phase 1 · preflight: cluster up and healthy")]
    public void ClusterUpAndHealthy() => Gate.Check(Phase1Verdicts.Preflight(Evidence), fixture.TakeRecord(), output);

    [NodeFact("stats.total ≥ 1 after a CLI store")]
    public void StatsCountTheStoredMemory(string node) => Gate.Check(Phase1Verdicts.StatsTotal(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("recall finds the stored memory")]
    public void RecallFindsTheStoredMemory(string node) => Gate.Check(Phase1Verdicts.RecallHits(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("backup leaves exactly one snapshot")]
    public void BackupLeavesOneSnapshot(string node) => Gate.Check(Phase1Verdicts.BackupOneSnapshot(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("backup leaves exactly one manifest")]
    public void BackupLeavesOneManifest(string node) => Gate.Check(Phase1Verdicts.BackupOneManifest(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("backup manifest sha256 matches the snapshot")]
    public void BackupManifestMatchesSnapshot(string node) => Gate.Check(Phase1Verdicts.ManifestChecksum(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("curator dry-run reports no error but the no-LLM one")]
    public void CuratorReportsOnlyNoLlm(string node) => Gate.Check(Phase1Verdicts.CuratorErrors(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("MCP tools/list offers ≥ 30 tools")]
    public void McpListsThirtyTools(string node) => Gate.Check(Phase1Verdicts.McpTools(Evidence, node), fixture.TakeRecord(), output);

    [NodeFact("--version is recorded")]
    public void VersionIsRecorded(string node) => Gate.Check(Phase1Verdicts.VersionRecorded(Evidence, node), fixture.TakeRecord(), output);
}
