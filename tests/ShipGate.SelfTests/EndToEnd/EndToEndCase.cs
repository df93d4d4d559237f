using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// One mutant run through the release decision's own path: a child `dotnet test` of tests/ShipGate.Tests filtered to
/// the phase, with the results logger, against the reference node with the fault switch set through the public
/// SHIPGATE_NODE_ENV. <see cref="RedKeys"/> are the catalog facts that must fail, and no other.
/// </summary>
public sealed record EndToEndCase(string Switch, int Phase, IReadOnlyList<string> RedKeys, IReadOnlyDictionary<string, string>? Profile = null)
{
    public static readonly IReadOnlyList<EndToEndCase> All =
    [
        // A string where the contract has an integer: only the CLI shape fact may see it (the value itself is right).
        new("stats_total_string", 1, Topology.Nodes.Select(n => $"p1.{n}.shape.cli").ToList()),
        new("quorum_201_without_peers", 2, ["p2.probe2.both-peers-down-503"]),
        new("migrate_corrupt_content", 3, ["p3.forward.read-written-n", "p3.roundtrip.identical"]),
        // Both gated classes run (one short cycle each): every write refused, so Σok and the bound are red.
        new("source_without_chaos", 4, Topology.GatedFaults.SelectMany(f => new[] { $"p4.{f}.acknowledged", $"p4.{f}.convergence-bound" }).ToList(),
            new Dictionary<string, string>
            {
                [SettingNames.ChaosFaults] = string.Join(",", Topology.GatedFaults),
                [SettingNames.ChaosCycles] = "1",
                [SettingNames.ChaosWrites] = "10",
            }),
        // The federated 201's quorum_acks as a JSON string: only Phase 4's HTTP shape fact may see it.
        new("http_quorum_acks_string", 4, ["p4.shape.http"], new Dictionary<string, string>
        {
            [SettingNames.ChaosFaults] = string.Join(",", Topology.GatedFaults),
            [SettingNames.ChaosCycles] = "1",
            [SettingNames.ChaosWrites] = "10",
        }),
    ];

    public string Name => $"e2e-p{Phase}-{Switch}";

    public IReadOnlyList<string> RedNames => RedKeys.Select(k => CriteriaCatalog.Fact(k).DisplayName).ToList();

    public string Campaign => Name;

    /// <summary>The child run: the small profile (plus this case's), the switch and a fixed campaign id exported.</summary>
    public ChildProcesses.ChildRunRequest Request()
    {
        // A loaded machine (shared CI, other runs) must not turn honest facts red: generous start and quorum bounds.
        var patient = new Dictionary<string, string> { [SettingNames.HealthTimeoutSecs] = "120", [SettingNames.QuorumTimeoutMs] = "10000" };
        var request = ChildProcesses.ChildRunRequest.Gate(Name, Phase, new Dictionary<string, string?>
        {
            [SettingNames.NodeEnv] = $"{SelfTestSettings.FaultsVariable}={Switch}",
            [SettingNames.CampaignId] = Campaign,
        }) with { ResultsLogger = true };
        return request.WithProfile([.. patient.Concat(Profile ?? new Dictionary<string, string>()).Select(kv => (kv.Key, (string?)kv.Value))]);
    }
}
