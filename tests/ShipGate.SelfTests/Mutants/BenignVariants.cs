using ShipGate.Contract;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// Behaviour the contract allows must not turn the gate red: each benign switch of the reference node runs
/// every phase whose code path it changes (Phase 4 with the gated classes, the gate's default set) and every
/// fact must stay green. Phases 1 and 3 run nodes with no peers and read neither list pages nor stats over
/// HTTP; their only HTTP is the health check Phase 2 also runs. So a switch of federation, list pages or HTTP
/// bodies runs Phases 2 and 4. A slow start runs Phase 1 (serve started by the image's entrypoint, through the
/// builder Phases 2 and 3 share) and Phase 4 (serve started by the chaos shell every cycle).
/// The honest node is the control: if it is red, every mutant's "exactly this red set" means nothing. It runs in
/// the image shaped like ai-memory's published one with all four fault classes (pause_peer is
/// no_catchup_no_stragglers's class); the default packaging's honest control is the gate run that ./shipgate test
/// ends with, and every mutant's exact red set. A second control runs the hang mutant's Phase 4 settings.
/// </summary>
[Trait("Category", "Benign")]
[Collection(SerialCollections.TimedCampaigns)]
public sealed class BenignVariants(ITestOutputHelper output)
{
    private const string Partition = "partition_minority";
    private static readonly string[] GatedClasses = ["kill_primary_mid_write", Partition];
    private static readonly int[] AllPhases = [1, 2, 3, 4];
    private static readonly int[] HttpAndFederation = [2, 4];
    private static readonly int[] ServeStarts = [1, 4];
    private readonly TestLog _log = new(output);

    // The control of the Phase 4 hang mutant, under its settings. A 300 ms quorum timeout is shorter than the
    // 500 ms partition, so a push cut by the partition fails instead of stalling, and v0.6.0 semantics (no
    // catch-up on the survivors) never repair a lost copy: the honest node then often misses the convergence
    // bound (4 runs of 5 when measured, always 1–3 writes missing on node 1 only, while the two DROP rules still
    // went in by two iptables calls; the cut is one transaction now, and a copy in flight is still lost).
    // What the mutant's test rests on, finishing in budget, must hold.
    [Fact(DisplayName = "The honest node finishes partition_minority within its budget under the hang mutant's 300 ms quorum timeout")]
    public async Task HonestNodeUnderHangMutantSettings()
    {
        var settings = SelfTestSettings.For(null, 4, SelfTestSettings.Phase4Shape(Partition), Phase4Mutants.HangSettings);
        RedSet.ShouldBeWithin(await SelfTestCampaign.Phase4Async(settings, "honest, 300 ms quorum timeout", _log), _log, $"p4.{Partition}.convergence-bound");
    }

    // The release engineer's case and the honest control: ai-memory's own image shape used as is
    // (SHIPGATE_NODE_IMAGE), non-root, no tools, no capability; every phase and all four fault classes, which the
    // gate applies from outside.
    [Fact(DisplayName = "The honest node in an image shaped like ai-memory's published one, used as is, leaves every fact green with all four fault classes")]
    public async Task PublishedShapeImage()
    {
        using var bound = new CancellationTokenSource(SelfTestCampaign.Ceiling);
        var image = new Dictionary<string, string> { [SettingNames.NodeImage] = await Support.PublishedShapeImage.BuildAsync(_log, bound.Token) };
        await EveryFactGreenAsync(null, FaultClass.All.Select(c => c.Name).ToArray(), image, "published-shape image");
    }

    // HEAD's four benign changes at once, in code none of them shares (the list route's limit; the health and stats
    // bodies; a peer's merge; the 503 body): one campaign proves each, and a red names its fact, from which the
    // switch is plain (a page count, a body's shape, a peer's ids, a 503's reason).
    [Fact(DisplayName = "list_page_cap_20, head_bodies, peer_assigns_own_ids and quorum_reason_unreachable leave every fact of Phases 2 and 4 green")]
    public Task HeadsBenignChanges() =>
        EveryFactGreenAsync("list_page_cap_20,head_bodies,peer_assigns_own_ids,quorum_reason_unreachable", phases: HttpAndFederation,
            name: "HEAD's benign changes");

    // v0.6.0 has no catch-up loop (docs/node-contract.md); the reference node runs HEAD's by default. With it off the
    // honest node is v0.6.0-faithful, so every phase and all four fault classes must stay green on it too.
    [Fact(DisplayName = "The honest node without HEAD's catch-up loop (--catchup-interval-secs 0, as v0.6.0) leaves every fact of every phase and class green")]
    public Task WithoutCatchup() =>
        EveryFactGreenAsync(null, FaultClass.All.Select(c => c.Name).ToArray(),
            new Dictionary<string, string> { [SettingNames.NodeArgs] = "--catchup-interval-secs 0" }, "no catch-up (v0.6.0)");

    [Fact(DisplayName = "slow_start_5s leaves every fact of both serve starts (Phase 1's image, Phase 4's chaos shell) green")]
    // One chaos cycle: each cycle's serve start waits the same 5 s, so a second shows nothing the first does not.
    public Task SlowStart5s() =>
        EveryFactGreenAsync("slow_start_5s", phases: ServeStarts, extra: new Dictionary<string, string> { [SettingNames.ChaosCycles] = "1" });

    private async Task EveryFactGreenAsync(
        string? faultSwitch, string[]? phase4Classes = null, IReadOnlyDictionary<string, string>? extra = null, string? name = null, int[]? phases = null)
    {
        var variant = name ?? faultSwitch ?? "honest";
        var runs = new List<PhaseRun>();
        foreach (var phase in phases ?? AllPhases)
            runs.Add(await SelfTestCampaign.PhaseAsync(phase, faultSwitch, variant, _log, extra, phase4Classes ?? GatedClasses));

        RedSet.ShouldAllBeGreen(runs, _log);
    }
}
