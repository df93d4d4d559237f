using System.Globalization;
using ShipGate.Fixtures.Settings;
using static ShipGate.Contract.SettingNames;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// Gate settings for one self-test campaign: the reference node's fault switch reaches the nodes only
/// through the gate's public SHIPGATE_NODE_ENV, exactly as a user would set it. Every shape setting is
/// pinned (a runsettings profile exported into the environment must not stretch a self-test), and results
/// go to a temporary directory so self-test campaigns never land in runs/.
/// </summary>
public static class SelfTestSettings
{
    /// <summary>The reference node's switch variable (its README's "fault switch" table).</summary>
    public const string FaultsVariable = "AI_MEMORY_REFERENCE_FAULTS";

    /// <summary>
    /// Phase 2: 60 writes show a missing node as clearly as 200; the deadline bounds a node that never converges.
    /// A 3 s soak paced at 160 operations a second (over 100 per node, as each takes a few ms; each node's memory
    /// read before and after) is evidence for every soak fact. Over 100 answers a node's p99 is not its single
    /// slowest: this 2-core machine's test host was measured stalling 550–916 ms in 4 of 8 two-second windows (a
    /// heartbeat task's lateness, no GC), and at 40 a second (27 per node) such a stall became a node's p99 (up to
    /// 995 ms against the 1000 ms bound).
    /// The mutants that need a longer or slower soak set it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Phase2Shape = new Dictionary<string, string>
    {
        [P2Agents] = "4",
        [P2WritesPerAgent] = "15",
        [ConvergeDeadlineSecs] = "10",
        [SoakSecs] = "3",
        [SoakOpsPerSec] = "160",
    };

    /// <summary>Phase 3: 200 rows still hold two every-100th rows and twenty every-10th rows.</summary>
    public static readonly IReadOnlyDictionary<string, string> Phase3Shape = new Dictionary<string, string> { [P3Rows] = "200" };

    /// <summary>
    /// Phase 4: two cycles of 30 writes per class. Every fault triggers after the 3rd acknowledged write, and a
    /// 500 ms pause or partition overlaps the writes that follow (30 writes take well over 500 ms with W=2).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Phase4Shape(params string[] classes) => new Dictionary<string, string>
    {
        [ChaosFaults] = string.Join(",", classes),
        [ChaosCycles] = "2",
        [ChaosWrites] = "30",
    };

    /// <summary>The reference node as v0.7.0 (docs/node-contract.md §10): the gate gives it the v0.7.0 row from its --version.</summary>
    public static readonly IReadOnlyDictionary<string, string> V070 = new Dictionary<string, string> { [NodeEnv] = "AI_MEMORY_REFERENCE_VERSION=0.7.0" };

    /// <summary>For a node that never becomes healthy: 5 s of waiting show it as well as the default 30.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortHealthTimeout = new Dictionary<string, string> { [HealthTimeoutSecs] = "5" };

    private static readonly string ResultsRoot = Path.Combine(Path.GetTempPath(), "shipgate-selftests");
    private static int _sequence;

    /// <summary>
    /// Settings with <paramref name="faultSwitch"/> on every node (null: the honest node) and the given shape;
    /// <paramref name="extra"/> wins over the shape (e.g. a shorter quorum timeout).
    /// </summary>
    public static GateSettings For(string? faultSwitch, int phase, IReadOnlyDictionary<string, string>? shape = null, IReadOnlyDictionary<string,
        string>? extra = null)
    {
        var pinned = Defaults();
        foreach (var (k, v) in shape ?? new Dictionary<string, string>()) pinned[k] = v;
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) pinned[k] = v;
        // The switch joins what the caller's environment names (e.g. the reference node's release version).
        var env = extra?.GetValueOrDefault(NodeEnv);
        pinned[NodeEnv] = string.Join(";", new[] { faultSwitch is null ? null : $"{FaultsVariable}={faultSwitch}", env }.Where(e => !string.IsNullOrEmpty(e)));
        var n = Interlocked.Increment(ref _sequence);
        // A campaign id is a token of at most 64 characters: a comma list of switches joins with dots.
        var id = $"self-{DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture)}-{n}-p{phase}-{(faultSwitch ?? "honest").Replace(',', '.')}";
        pinned[CampaignId] = id.Length <= 64 ? id : id[..64];
        pinned[ResultsDir] = ResultsRoot;
        return GateSettings.Load(new OverlaySettingsSource(pinned));
    }

    /// <summary>
    /// Empty = unset: the gate's default. Nothing from the environment reshapes a self-test, including a profile or
    /// command-line settings (./shipgate test exports SHIPGATE_ARGS=profile=ci for the gate run that follows).
    /// </summary>
    private static Dictionary<string, string> Defaults() => new[]
    {
        ConvergeDeadlineSecs, QuorumTimeoutMs, P2Agents, P2WritesPerAgent, P3Rows,
        SoakSecs, SoakOpsPerSec, SoakP99Ms, SoakMemoryGrowthMib,
        ChaosCycles, ChaosWrites, ChaosFaults, ChaosConvergeSecs, ChaosBudgetSecs, ChaosClusters, Profile, Args,
    }.ToDictionary(name => name, _ => "");
}
