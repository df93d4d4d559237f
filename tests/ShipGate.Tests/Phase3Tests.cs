namespace ShipGate.Tests;

/// <summary>Phase 3, SQLite ↔ Postgres migration on node-a: one fact per catalog row. The fixture acted; every fact reads one verdict.</summary>
[Phase(3)]
public sealed class Phase3Tests(Phase3Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase3Fixture>
{
    [CriterionFacts]
    public void Criterion(string key) => Gate.Check(key, fixture, output);
}
