namespace ShipGate.Tests;

/// <summary>Phase 2, federation with W=2 quorum: one fact per catalog row (and node). The fixture acted; every fact reads one verdict.</summary>
[Phase(2)]
public sealed class Phase2Tests(Phase2Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase2Fixture>
{
    [CriterionFacts]
    public void Criterion(string key) => Gate.Check(key, fixture, output);
}
