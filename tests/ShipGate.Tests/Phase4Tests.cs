using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

/// <summary>
/// Phase 4, chaos, one fact per fault class × catalog row. The fixture acted; every fact reads one verdict.
/// kill_primary_mid_write and partition_minority are gated: not running them is red. pause_peer and
/// clock_skew_peer are opt-in (SHIPGATE_CHAOS_FAULTS) and show as skipped, with the reason, when not enabled.
/// </summary>
[Phase(4)]
public sealed class Phase4Tests(Phase4Fixture fixture, ITestOutputHelper output) : IClassFixture<Phase4Fixture>
{
    [CriterionFacts]
    public void Criterion(string key)
    {
        // The one place a skip fits: an opt-in class the settings did not enable was never meant to run.
        var fault = CriteriaCatalog.Fact(key).Fault;
        Skip.If(fault is not null && Topology.OptInFaults.Contains(fault) && fixture.Evidence.SetupFailure is null && !fixture.Enabled.Contains(fault),
            OptInSkip.Reason(key, $"{fault} is opt-in and not enabled: add it to {SettingNames.ChaosFaults} to run it"));
        Gate.Check(key, fixture, output);
    }
}
