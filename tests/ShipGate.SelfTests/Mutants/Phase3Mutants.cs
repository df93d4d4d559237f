using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.Mutants;

/// <summary>Phase 3 mutants (SQLite → Postgres → new SQLite with 200 rows).</summary>
[Trait("Category", "Mutant")]
public sealed class Phase3Mutants(ITestOutputHelper output)
{
    private readonly TestLog _log = new(output);

    // Two rows of 200 never reach Postgres, so every count after the forward step is short as well.
    [Fact(DisplayName = "Phase 3 goes red on the forward counts, Postgres's row count, the totals and the round trip when migrate skips every 100th row")]
    public Task MigrateDropEvery100th() => RedOnAsync("migrate_drop_every_100th");

    // The reverse runs after the re-run (the protocol's order), so the duplicates reach it: opening the Postgres
    // store fails to create its unique (title, namespace) index (23505), the reverse exits 1 and the round-trip
    // file stays empty. That cascade is what a user upgrading from such a release would meet.
    [Fact(DisplayName = "Phase 3 goes red on the idempotent re-run, and on the reverse and round trip it breaks, "
        + "when the Postgres destination takes duplicates")]
    public Task MigrateRerunDuplicates() => RedOnAsync("migrate_rerun_duplicates");

    // The forward step is judged on Postgres's content against the seed, so the truncation is red there already.
    [Fact(DisplayName = "Phase 3 goes red on the forward fact judged on Postgres's content and on round-trip identity "
        + "when migrate truncates every 10th row's content")]
    public Task MigrateCorruptContent() => RedOnAsync("migrate_corrupt_content");

    // Every migrate into Postgres reports 200 read and written, errors [], exit 0, and writes nothing. Judged on
    // Postgres itself the forward step is red; the re-run finds Postgres empty; the reverse honestly copies the 0 rows
    // it finds without an error (so its fact, errors 0 and exit 0, stays green), leaving the round-trip total 0 and
    // every source row missing from the round trip.
    [Fact(DisplayName = "Phase 3 goes red on the forward fact judged on Postgres, and on the re-run, "
        + "totals and round trip an empty Postgres breaks, when migrate reports rows it never wrote")]
    public Task MigrateLyingReport() => RedOnAsync("migrate_lying_report");

    // Not in the reference README's table: the seed varies source over the whole allowlist, so every 9th row
    // (source "chaos") is refused; without an N-row source no migration fact has evidence.
    [Fact(DisplayName = "Phase 3 goes red on the seed, leaving no migration fact any evidence, when chaos is dropped from the source allowlist")]
    public Task SourceWithoutChaos() => RedOnAsync("source_without_chaos");

    // A v0.7.0 node whose daily quota is 500, seeded with the release's 1000 rows: the gate's writers stay at 800 per
    // agent (the row's share of 1000), so the first agent's 501st write is refused and the seed is short.
    [Fact(DisplayName = "Phase 3 goes red on the seed, named as 429s, when a v0.7.0 node's quota is 500 memories per agent per day")]
    public async Task Quota500PerDay()
    {
        var extra = new Dictionary<string, string>(SelfTestSettings.V070) { [ShipGate.Contract.SettingNames.P3Rows] = "1000" };
        var run = await SelfTestCampaign.PhaseAsync(3, "quota_500_per_day", "quota_500_per_day", _log, extra, []);
        RedSet.ShouldBe(run, _log, KnownBad.Of("quota_500_per_day", 3));
        Assert.Contains("429", run.Findings.Single(f => f.Criterion == "p3.seed.stored-n").Verdict.Message);
    }

    // The CLI stats total as a JSON string: the totals fact reads the right value, only the shape fact sees the type.
    [Fact(DisplayName = "Phase 3 goes red on the CLI shape when stats --json prints total as a string")]
    public Task StatsTotalString() => RedOnAsync("stats_total_string");

    // The forward migrate leaves the switch's marker beside the source database, and serve's health answers 503 from
    // then on; every migration and count runs through the CLI and stays green.
    [Fact(DisplayName = "Phase 3 goes red on node-a's liveness when serve turns unhealthy after a migrate touched its database")]
    public Task ServeUnhealthyAfterMaintenance() => RedOnAsync("serve_unhealthy_after_maintenance");

    // Every seed write is stored with its agent_id (seed, migrations and round trip stay green); only the 201 drops it.
    [Fact(DisplayName = "Phase 3 goes red on the HTTP shape when the seed's 201 bodies lack agent_id")]
    public Task HttpCreatedWithoutAgentId() => RedOnAsync("http_created_without_agent_id");

    // node-a never reports healthy: the preflight is red, and with no node no other fact has evidence.
    [Fact(DisplayName = "Phase 3 goes red on its preflight, leaving no other fact any evidence, when health never answers ok")]
    public Task HealthNeverOk() => RedOnAsync("health_never_ok", SelfTestSettings.ShortHealthTimeout);

    private Task RedOnAsync(string faultSwitch, IReadOnlyDictionary<string, string>? extra = null) => MutantRun.RedOnAsync(3, faultSwitch, _log, extra);
}
