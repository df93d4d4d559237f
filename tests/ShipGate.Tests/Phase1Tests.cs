namespace ShipGate.Tests;

/// <summary>Phase 1, functional, on each node: one fact per catalog row and node. The fixture acted; every fact reads one verdict.</summary>
[Phase(1)]
public sealed class Phase1Tests(Phase1Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase1Fixture>
{
    [CriterionFacts]
    public void Criterion(string key) => Gate.Check(key, fixture, output);
}
