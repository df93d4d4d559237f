using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// Two real `./shipgate gate` runs of all four phases against the healthy reference node, side by side (nothing in
/// them is judged on time: patient health and quorum bounds, one short cycle per class): a
/// rehearsal (the small self-test profile, far below the release floor) run to its end, and one whose test host is
/// killed once Phase 4 has started. Each keeps the command's exit code, its output and the summary its logger wrote.
/// </summary>
public sealed class ReleaseDecisionFixture : IAsyncLifetime
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);

    /// <summary>The output line Phase 4 writes when its cycles start: the host is killed after it.</summary>
    public const string Phase4Started = ShipGate.Fixtures.Campaigns.Phase4Campaign.QueueStarts;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("shipgate-release-").FullName;

    public ShipgateOutcome Rehearsal { get; private set; } = null!;

    public ShipgateOutcome HostKilled { get; private set; } = null!;

    /// <summary>The small profile with both gated classes, one short cycle each, and patient start and quorum bounds.</summary>
    public static ChildRunRequest Request(string name) =>
        new ChildRunRequest(name, CriteriaCatalog.Phases, ChildRunRequest.SmallProfile, new Dictionary<string, string?> { [SettingNames.CampaignId] = name },
            ResultsLogger: true, ThroughShipgate: true).WithProfile(
            (SettingNames.ChaosFaults, string.Join(",", Topology.GatedFaults)), (SettingNames.ChaosCycles, "1"), (SettingNames.ChaosWrites, "10"),
            (SettingNames.HealthTimeoutSecs, "120"), (SettingNames.QuorumTimeoutMs, "10000"));

    /// <summary>The floor rows the request runs below, as the converter names them.</summary>
    public static IReadOnlyList<FloorRow> RowsBelowTheFloor(ChildRunRequest request)
    {
        var defaults = GateSettings.Catalog.ToDictionary(c => c.Name, c => c.Default);
        string Value(string name) => request.Profile.GetValueOrDefault(name) ?? defaults[name];
        return ReleaseFloor.Rows.Where(r => r.Settings.Aggregate(1L, (a, n) => a * long.Parse(Value(n))) < r.Floor).ToList();
    }

    public async Task InitializeAsync()
    {
        var outcomes = await ChildBatch.RunAsync([Request("e2e-gate-rehearsal"), Request("e2e-gate-host-killed-in-phase4")], 2, RunAsync);
        (Rehearsal, HostKilled) = (outcomes[0], outcomes[1]);
    }

    public Task DisposeAsync() => Task.CompletedTask; // the scratch directory stays for a look at the child logs

    private async Task<ShipgateOutcome> RunAsync(ChildRunRequest request)
    {
        await using var child = await ChildTestRun.StartAsync(request, WorkDirectory);
        int? killed = null;
        if (request.Name.Contains("killed", StringComparison.Ordinal)
            && await child.WaitForLineAsync(l => l.Contains(Phase4Started, StringComparison.Ordinal), Bound)
            && ProcessGroup.MemberRunning(child.Pgid, "testhost") is { } host
            && ProcessGroup.SignalMember(child.Pgid, host.Pid, ProcessGroup.SigKill))
            killed = host.Pid;

        var exit = await child.WaitForExitAsync(Bound);
        var summaryPath = Path.Combine(child.Directory, "runs", request.Name, "campaign-summary.json");
        var summary = File.Exists(summaryPath) ? JsonNode.Parse(File.ReadAllText(summaryPath)) as JsonObject : null;
        return new ShipgateOutcome(request, exit, child.Output(), summary, child.LogPath, killed);
    }
}

/// <summary>What one `./shipgate gate` child yielded: its exit, output, the summary (null: none written) and the host it killed.</summary>
public sealed record ShipgateOutcome(ChildRunRequest Request, ChildExit Exit, string Output, JsonObject? Summary, string LogPath, int? KilledHost)
{
    public IReadOnlyList<string> Reasons => Summary?["reasons"]?.AsArray().Select(r => r?.GetValue<string>() ?? "").ToList() ?? [];

    /// <summary>The closing line CI reads: "shipgate: N passed, N failed, N skipped".</summary>
    public string? ClosingLine =>
        Output.Split('\n').LastOrDefault(l => l.StartsWith("shipgate: ", StringComparison.Ordinal) && l.Contains(" passed, ", StringComparison.Ordinal));
}
