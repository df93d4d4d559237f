using ShipGate.Contract.Criteria;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.Mutants;
using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// One mutant run through the release decision's own path: a child `dotnet test` of tests/ShipGate.Tests filtered to
/// <see cref="Phases"/>, with the results logger, against the reference node with <see cref="Switches"/> (a comma list)
/// set through the public SHIPGATE_NODE_ENV. The facts that must fail, and no other but those left to timing, are the
/// switches' rows in <see cref="KnownBad"/> for those phases, as for the in-process mutants. Switches share a run only
/// where their red sets are disjoint, so the run proves every one of them.
/// </summary>
public sealed record EndToEndCase(string Name, string Switches, IReadOnlyList<int> Phases, IReadOnlyDictionary<string, string>? Profile = null)
{
    /// <summary>Both gated classes, one short cycle each.</summary>
    private static readonly Dictionary<string, string> OneShortCycle = new()
    {
        [SettingNames.ChaosFaults] = string.Join(",", Topology.GatedFaults),
        [SettingNames.ChaosCycles] = "1",
        [SettingNames.ChaosWrites] = "10",
    };

    public static readonly IReadOnlyList<EndToEndCase> All =
    [
        // A string where the contract has an integer (CLI) and a schema sent as a string (MCP): only the shape fact
        // of each surface may see it, on every node (the values themselves are right).
        new("e2e-p1-output-shapes", "stats_total_string,mcp_input_schema_string", [1]),
        // Issue 21's Phase 1 rows: an empty snapshot (only the restorable check opens it; rotation and checksum agree with
        // it) and MCP tool calls that error (tools/list and initialize stay honest), each on every node.
        new("e2e-p1-backup_empty_snapshot.mcp_tool_calls_error", "backup_empty_snapshot,mcp_tool_calls_error", [1]),
        // Two phases in one child: federation on Phase 2, migration on Phase 3; neither switch touches the other's phase.
        new("e2e-p2p3-quorum_201_without_peers.migrate_corrupt_content", "quorum_201_without_peers,migrate_corrupt_content", [2, 3]),
        // Every write refused, so Σok and the bound of both gated classes are red.
        new("e2e-p4-source_without_chaos", "source_without_chaos", [4], OneShortCycle),
        // The federated 201's quorum_acks as a JSON string: only each phase's HTTP shape fact may see it.
        new("e2e-p2p4-http_quorum_acks_string", "http_quorum_acks_string", [2, 4], OneShortCycle),
        // Node 0's push into the partition fails at the 300 ms quorum timeout and serve exits: liveness names it. The
        // bound is left to timing under these settings, as for the in-process mutant and its honest control. The gate
        // runs both gated classes (a gated class not run is red); the kill class's 3 acknowledged writes push to live
        // peers only, and one cluster runs every cycle, one after another, so those pushes are not starved past 300 ms.
        new("e2e-p4-serve_exits_on_push_failure", "serve_exits_on_push_failure", [4],
            new Dictionary<string, string>(OneShortCycle)
            {
                [SettingNames.ChaosWrites] = "100",
                [SettingNames.QuorumTimeoutMs] = "300",
                [SettingNames.ChaosConvergeSecs] = "5",
                [SettingNames.ChaosClusters] = "1",
            }),
    ];

    /// <summary>
    /// The switches' rows in the case's phases. A phase where a switch has no row is one it cannot reach (its code is
    /// not on that phase's path) and must leave green, which the exact red set then checks; a switch with no row in
    /// any of the phases is a typo.
    /// </summary>
    private IEnumerable<KnownBad> Rows => Switches.Split(',').SelectMany(s =>
    {
        var rows = KnownBad.All.Where(k => k.Switch == s && Phases.Contains(k.Phase)).ToList();
        return rows.Count > 0 ? rows : throw new KeyNotFoundException($"{Name}: {s} has no known-bad row in Phases {string.Join(", ", Phases)}");
    });

    public IReadOnlyList<string> RedKeys => [.. Rows.SelectMany(r => r.Red)];

    public IReadOnlyList<string> RedNames => Names(RedKeys);

    public IReadOnlyList<string> MayAlsoBeRedNames => Names(Rows.SelectMany(r => r.MayAlsoBeRed ?? []));

    public string Campaign => Name;

    /// <summary>The child run: the small profile (plus this case's), the switches and a fixed campaign id exported.</summary>
    public ChildProcesses.ChildRunRequest Request()
    {
        // A loaded machine (shared CI, other runs) must not turn honest facts red: generous start and quorum bounds.
        var patient = new Dictionary<string, string> { [SettingNames.HealthTimeoutSecs] = "120", [SettingNames.QuorumTimeoutMs] = "10000" };
        var request = ChildProcesses.ChildRunRequest.Gate(Name, Phases[0], new Dictionary<string, string?>
        {
            [SettingNames.NodeEnv] = $"{SelfTestSettings.FaultsVariable}={Switches}",
            [SettingNames.CampaignId] = Campaign,
        }) with { ResultsLogger = true, Phases = Phases };
        return request.WithProfile([.. patient.Concat(Profile ?? new Dictionary<string, string>()).Select(kv => (kv.Key, (string?)kv.Value))]);
    }

    private static List<string> Names(IEnumerable<string> keys) => [.. keys.Select(k => CriteriaCatalog.Fact(k).DisplayName)];
}
