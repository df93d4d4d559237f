namespace ShipGate.Tests;

/// <summary>Phase 3, SQLite ↔ Postgres migration on node-a. The fixture acted; every fact reads one verdict.</summary>
[Phase(3)]
public sealed class Phase3Tests(Phase3Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase3Fixture>
{
    private Phase3Evidence Evidence => fixture.Evidence;

    [Fact(DisplayName = "Phase 3 · preflight: node-a and Postgres up and healthy")]
    public void NodeAndPostgresUp() => Gate.Check(Phase3Verdicts.Preflight(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · seed stored N rows (every write 201)")]
    public void SeedStoredEveryRow() => Gate.Check(Phase3Verdicts.SeedStored(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · forward migrate SQLite → Postgres: read = written = N, no errors")]
    public void ForwardMigrateCopiesEveryRow() => Gate.Check(Phase3Verdicts.ForwardComplete(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · re-run: no errors, Postgres holds exactly N rows, no duplicate (title, namespace)")]
    public void RerunIsIdempotent() => Gate.Check(Phase3Verdicts.RerunIdempotent(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · reverse migrate Postgres → new SQLite: no errors")]
    public void ReverseMigrateHasNoErrors() => Gate.Check(Phase3Verdicts.ReverseWithoutErrors(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · stats --json: source total = round-trip total = N")]
    public void TotalsMatch() => Gate.Check(Phase3Verdicts.TotalsMatch(Evidence), fixture.TakeRecord(), output);

    [Fact(DisplayName = "Phase 3 · every row identical after the round trip")]
    public void EveryRowSurvivesTheRoundTrip() => Gate.Check(Phase3Verdicts.RowsIdentical(Evidence), fixture.TakeRecord(), output);
}
