using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// What must not share the machine. The unit tests and the Phase 1 and Phase 3 mutants run side by side (their red
/// sets are counts, outputs and health, not time); xUnit runs these collections after them, one test at a time.
/// </summary>
public static class SerialCollections
{
    /// <summary>Campaigns judged on time (soak p99, chaos budgets, quorum timeouts, pause): Phase 2 and 4 mutants, the benign variants.</summary>
    public const string TimedCampaigns = "timed campaigns";
}

[CollectionDefinition(SerialCollections.TimedCampaigns, DisableParallelization = true)]
public sealed class TimedCampaignsCollection;

/// <summary>Child gate runs: whole `dotnet test` processes, and BadConfig's time-to-red bound.</summary>
[CollectionDefinition(ChildTestRun.Collection, DisableParallelization = true)]
public sealed class ChildGateRunsCollection;
