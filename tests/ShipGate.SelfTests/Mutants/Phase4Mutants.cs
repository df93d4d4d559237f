using ShipGate.Contract.Criteria;
using FluentAssertions;
using ShipGate.SelfTests.Support;
using static ShipGate.Contract.SettingNames;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// Phase 4 mutants: two cycles of 30 writes unless said otherwise, only the classes a mutant needs (the
/// others are not judged).
/// Where a mutant is expected to miss writes for good, the per-cycle convergence deadline is 3 s instead of
/// 15 s: an honest survivor holds every write within a second, and waiting longer only spends time.
/// </summary>
[Trait("Category", "Mutant")]
[Collection(SerialCollections.TimedCampaigns)]
public sealed class Phase4Mutants(ITestOutputHelper output)
{
    private const string Kill = "kill_primary_mid_write";
    private const string Partition = "partition_minority";
    private const string Pause = "pause_peer";
    private static readonly Dictionary<string, string> ShortConverge = new() { [ChaosConvergeSecs] = "3" };

    /// <summary>
    /// The hang mutant's settings, which its honest control shares (see BenignVariants). One cycle: the mutant
    /// hangs in cycle 1, and the honest node's cycle (≤ 3 s convergence wait; 6 s in all when measured) stays far
    /// inside the 20 s budget. 100 writes, because the budget sees the hang only as (writes after the first failed
    /// push) × 5 s per unanswered write: with 30 writes a late-applied partition once left 5 hanging writes, 29.5 s,
    /// inside a 30 s budget; 100 leave dozens.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HangSettings = new Dictionary<string, string>
    {
        [QuorumTimeoutMs] = "300",
        [ChaosBudgetSecs] = "20",
        [ChaosCycles] = "1",
        [ChaosWrites] = "100",
        [ChaosConvergeSecs] = "3",
    };

    // The flusher commits and fans out once a second, so a tick between the 3rd ack and the kill (≈ 100 ms)
    // saves a cycle's writes: observed in 1 cycle of 8. Three cycles make a full escape (every cycle saved) rare.
    // Two clusters: the class's cycles spread over both, merged into one bound that must still be red.
    private static readonly Dictionary<string, string> AckBeforeCommitSettings =
        new() { [ChaosConvergeSecs] = "3", [ChaosCycles] = "3", [ChaosClusters] = "2" };
    private readonly TestLog _log = new(output);

    // 400 on every write: nothing acknowledged, so the bound has no evidence either.
    [Fact(DisplayName = "Phase 4 goes red on Σok > 0 (and the bound and lost writes) of every gated class when chaos is dropped from the source allowlist")]
    public Task SourceWithoutChaos() => RedOnAsync("source_without_chaos", [Kill, Partition], null);

    [Fact(DisplayName = "Phase 4 goes red on kill_primary_mid_write's convergence bound and lost writes, its cycles spread over two clusters, "
        + "when the leader acknowledges before it commits")]
    public Task AckBeforeCommit() => RedOnAsync("ack_before_commit", [Kill], AckBeforeCommitSettings);

    // node-a never pushes to node-c, so each class's readiness check (node-c holds none of node-a's acknowledged
    // readiness writes) stops it before cycle 1: not ready, named as such, and no cycle to judge anything else on.
    [Fact(DisplayName = "Phase 4 goes red on the time budget and lost writes of every gated class, as not ready, when fan-out drops node-c's copy")]
    public Task FanoutDropLastPeer() => RedOnAsync("fanout_drop_last_peer", [Kill, Partition], null);

    [Fact(DisplayName = "Phase 4 goes red on pause_peer's convergence bound when fan-out cancels stragglers and nothing catches up")]
    public Task NoCatchupNoStragglers() => RedOnAsync("no_catchup_no_stragglers", [Pause], ShortConverge);

    // A 300 ms quorum timeout makes pushes fail inside the 500 ms partition (at 3000 ms they only stall), which
    // poisons the peers; every later write then hangs. The class hangs in cycle 1, so no cycle completes and
    // its other facts (liveness too: no cycle's end was reached) have no evidence.
    [Fact(DisplayName = "Phase 4 goes red on partition_minority's time budget when fan-out hangs on a peer that failed once")]
    public Task FanoutHangAfterPeerFailure() => RedOnAsync("fanout_hang_after_peer_failure", [Partition], HangSettings);

    // Every create answer of node 0 is a 201 with a quoted quorum_acks; the writes, counts and bound are untouched.
    [Fact(DisplayName = "Phase 4 goes red on the HTTP shape when the 201's quorum_acks is a JSON string")]
    public Task HttpQuorumAcksString() => RedOnAsync("http_quorum_acks_string", [Kill], null);

    // Every create also stores and fans out a suffixed copy: each survivor holds 60 rows for 30 writes (the bound,
    // Σmin/Σok = 2, passes; only the count check sees the pollution). The kill class would not show it: its 3
    // acknowledged writes and their copies stay below 30. Both classes run from one queue on two clusters, and the
    // kill class's cycles are the faster, so its lane soon takes partition cycles too: the partition cycles run on a
    // cluster that also ran kill cycles must carry the red on their own, judged by the same verdict.
    [Fact(DisplayName = "Phase 4 goes red on partition_minority's counts within writes, on a cluster shared with the kill class too, "
        + "when each create adds a suffixed copy")]
    public async Task CreateAddsCopy()
    {
        var run = await SelfTestCampaign.PhaseAsync(4, "create_adds_copy", "create_adds_copy", _log, SharedLaneSettings, [Kill, Partition]);
        RedSet.ShouldBe(run, _log, KnownBad.Of("create_adds_copy", 4));

        var partition = run.Chaos!.Class(Partition)!;
        var killLanes = run.Chaos.Class(Kill)!.Cycles.Select(c => c.Lane).ToHashSet();
        var shared = partition.Cycles.Where(c => killLanes.Contains(c.Lane)).ToList();
        _log.Line($"{Partition}: {partition.Cycles.Count} cycles, {shared.Count} on a lane that also ran {Kill} " +
            $"(cycles {string.Join(", ", shared.Select(c => c.Cycle))})");
        shared.Should().NotBeEmpty("the kill class's cycles are the faster, so its lane takes partition cycles from the queue");
        var onlyShared = run.Chaos with { Classes = [.. run.Chaos.Classes.Select(c => c.Fault == Partition ? c with { Cycles = shared } : c)] };
        var judged = CriteriaVerdicts.Judge(Phase4Criteria.CountsWithinWrites.Facts([Partition]).Single(), onlyShared);
        _log.Line($"the shared lane's partition cycles alone: {judged.Criterion} {judged.Verdict.Outcome}: {judged.Verdict.Message}");
        judged.Verdict.Passed.Should().BeFalse("the copies are stored on a shared cluster's nodes as on any other");
    }

    private static readonly Dictionary<string, string> SharedLaneSettings = new() { [ChaosCycles] = "8", [ChaosClusters] = "2" };

    /// <summary>
    /// serve_exits_on_push_failure needs a push that fails: at the default 3000 ms quorum timeout a 500 ms partition
    /// only stalls pushes (retransmission heals it), so the quorum timeout is 300 ms, as for the hang mutant. 100 writes,
    /// so the writer is still writing when the cut lands: 30 took 1.2 s, and while the rules went in by an exec start
    /// the cut once came after the last of them (a cycle the mutant survived).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PushFailureSettings = new Dictionary<string, string>
    {
        [QuorumTimeoutMs] = "300",
        [ChaosWrites] = "100",
        [ChaosConvergeSecs] = "3",
    };

    // Node 0's first push into the partition times out and the daemon exits (101) in every cycle: the writes after
    // it are refused at once (fail, not hung), the survivors hold the acknowledged ones, node 0 is not counted, and
    // liveness names the exit with its log line. The bound is left to timing, as under these settings for the honest
    // node (BenignVariants): an acknowledged write whose second push was still in flight when the partition landed
    // times out at 300 ms, and v0.6.0 survivors never catch up (observed: 51/52 in one run of three). In a full
    // campaign, Phase 2's probe 1 pushes to the node-b it killed, so node-a exits there and probe 2 finds it gone.
    [Fact(DisplayName = "Phase 4 goes red on partition_minority's liveness when serve exits on a failed push to a peer")]
    public Task ServeExitsOnPushFailure() => RedOnAsync("serve_exits_on_push_failure", [Partition], PushFailureSettings);

    private Task RedOnAsync(string faultSwitch, string[] classes, IReadOnlyDictionary<string, string>? extra) =>
        MutantRun.RedOnAsync(4, faultSwitch, _log, extra, classes);
}
