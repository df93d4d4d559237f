using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// One mutant run through the release decision's own path: a child `dotnet test` of tests/ShipGate.Tests filtered to
/// <see cref="Phases"/>, with the results logger, against the reference node with <see cref="Switches"/> (a comma list)
/// set through the public SHIPGATE_NODE_ENV. <see cref="RedKeys"/> are the catalog facts that must fail, and no other
/// but <see cref="MayAlsoBeRed"/>. Switches share a run only where their red sets are disjoint and each is the
/// in-process mutant's (Mutants/), so the run proves every one of them.
/// </summary>
public sealed record EndToEndCase(
    string Name,
    string Switches,
    IReadOnlyList<int> Phases,
    IReadOnlyList<string> RedKeys,
    IReadOnlyDictionary<string, string>? Profile = null,
    IReadOnlyList<string>? MayAlsoBeRed = null)
{
    private const string Partition = "partition_minority";

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
        new("e2e-p1-output-shapes", "stats_total_string,mcp_input_schema_string", [1],
            [.. Topology.Nodes.Select(n => $"p1.{n}.shape.cli"), .. Topology.Nodes.Select(n => $"p1.{n}.shape.mcp")]),
        new("e2e-p2-quorum_201_without_peers", "quorum_201_without_peers", [2], ["p2.probe2.both-peers-down-503"]),
        new("e2e-p3-migrate_corrupt_content", "migrate_corrupt_content", [3], ["p3.forward.read-written-n", "p3.roundtrip.identical"]),
        // Every write refused, so Σok and the bound of both gated classes are red.
        new("e2e-p4-source_without_chaos", "source_without_chaos", [4],
            [.. Topology.GatedFaults.SelectMany(f => new[] { $"p4.{f}.acknowledged", $"p4.{f}.convergence-bound" })], OneShortCycle),
        // The federated 201's quorum_acks as a JSON string: only each phase's HTTP shape fact may see it.
        new("e2e-p2p4-http_quorum_acks_string", "http_quorum_acks_string", [2, 4], ["p2.shape.http", "p4.shape.http"], OneShortCycle),
        // Node 0's push into the partition fails at the 300 ms quorum timeout and serve exits: liveness names it. The
        // bound is left to timing under these settings, as for the in-process mutant and its honest control. The gate
        // runs both gated classes (a gated class not run is red); the kill class's 3 acknowledged writes push to live
        // peers only, and the classes run one after another so those pushes are not starved past 300 ms.
        new("e2e-p4-serve_exits_on_push_failure", "serve_exits_on_push_failure", [4], [$"p4.{Partition}.liveness"],
            new Dictionary<string, string>(OneShortCycle)
            {
                [SettingNames.ChaosWrites] = "100",
                [SettingNames.QuorumTimeoutMs] = "300",
                [SettingNames.ChaosConvergeSecs] = "5",
                [SettingNames.ChaosParallel] = "1",
            },
            [$"p4.{Partition}.convergence-bound"]),
    ];

    public IReadOnlyList<string> RedNames => Names(RedKeys);

    public IReadOnlyList<string> MayAlsoBeRedNames => Names(MayAlsoBeRed ?? []);

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
