using ShipGate.SelfTests.Support;
using static ShipGate.Contract.SettingNames;

namespace ShipGate.SelfTests.Mutants;

/// <summary>Phase 2 mutants (federation, W=2, writes to node-a whose peers are node-b then node-c).</summary>
[Trait("Category", "Mutant")]
[Collection(SerialCollections.TimedCampaigns)]
public sealed class Phase2Mutants(ITestOutputHelper output)
{
    private readonly TestLog _log = new(output);

    // node-c never converges, so the campaign waits out the whole deadline: 5 s, where an honest node takes well
    // under one (the other nodes' facts, judged on the same poll, stay green). node-c holds no acknowledged row whose
    // content could be compared: no evidence there.
    [Fact(DisplayName = "Phase 2 goes red on node-c convergence when fan-out drops node-c's copy")]
    public Task FanoutDropLastPeer() => RedOnAsync("fanout_drop_last_peer", new Dictionary<string, string> { [ConvergeDeadlineSecs] = "5" });

    [Fact(DisplayName = "Phase 2 goes red on probe 2 when the leader answers 201 although no peer acknowledged")]
    public Task Quorum201WithoutPeers() => RedOnAsync("quorum_201_without_peers");

    // Probe 1 gets a 503, so its 201 body has no evidence; probe 2's 503 reports got = 0, leaving the leader out.
    [Fact(DisplayName = "Phase 2 goes red on probe 1, and on probe 2's body, when W does not count the leader's own write")]
    public Task QuorumLeaderNotCounted() => RedOnAsync("quorum_leader_not_counted");

    // Probe 1 poisons node-b (its push fails); probe 2's push to node-b then never completes and the leader
    // waits for it without a deadline, so probe 2 gets no answer within the gate's bound (quorum timeout + 2 s, 5 s).
    [Fact(DisplayName = "Phase 2 goes red on probe 2 when fan-out hangs on a peer that failed once")]
    public Task FanoutHangAfterPeerFailure() => RedOnAsync("fanout_hang_after_peer_failure");

    // Every node exits 20 s after it listens, inside a 25 s soak. Burst and convergence are over by then and stay
    // green; the soak sees the errors and liveness the exits, and an exited container has no memory for the engine
    // to report, so the growth is unmeasured (no evidence) on every node. The dead nodes are started again for the
    // probes, which then judge quorum (green), not the crash a second time.
    [Fact(DisplayName = "Phase 2 goes red on exactly the soak and liveness facts when serve dies 20 s after it starts")]
    public Task ServeDiesAfter20s() => RedOnAsync("serve_dies_after_20s", new Dictionary<string, string> { [SoakSecs] = "25" });

    // The count is right (the client reads it either way); only its JSON type drifted, on every 201 of the burst.
    [Fact(DisplayName = "Phase 2 goes red on the HTTP shape when the 201's quorum_acks is a JSON string")]
    public Task HttpQuorumAcksString() => RedOnAsync("http_quorum_acks_string");

    // Burst and soak never see a push fail, so liveness (checked before the probes) stays green. Probe 1 kills node-b
    // and writes: node-c acks first (201), then the push to the dead node-b fails and node-a exits, so probe 2 gets
    // no answer at all.
    [Fact(DisplayName = "Phase 2 goes red on probe 2 when serve exits on the failed push of probe 1")]
    public Task ServeExitsOnPushFailure() => RedOnAsync("serve_exits_on_push_failure");

    // Every HTTP recall answers right but 2 s late. Each node takes recalls in a 3 s soak (each worker's first on
    // one node, its second on the next), so its p99 passes the 1000 ms bound; nothing else of Phase 2 recalls
    // (convergence reads list pages), and 2 s is no client timeout.
    [Fact(DisplayName = "Phase 2 goes red on soak p99 latency on every node when HTTP recall takes 2 s")]
    public Task HttpRecallSlow2s() => RedOnAsync("http_recall_slow_2s", new Dictionary<string, string> { [SoakSecs] = "3" });

    // Every create pins 8 MiB. The soak's memory is read before and after it, so only the soak's own writes count:
    // in 6 s each node leads about a third of them (≈ 20, 160 MiB) against the 64 MiB bound. Small buffers keep each
    // create fast (16 MiB ones once took node-b's p99 to 872 ms, near the 1000 ms bound).
    [Fact(DisplayName = "Phase 2 goes red on soak memory growth on every node when each create leaks 8 MiB")]
    public Task Leak8MibPerCreate() => RedOnAsync("leak_8mib_per_create", new Dictionary<string, string> { [SoakSecs] = "6", [SoakOpsPerSec] = "40" });

    // Each burst agent's writes past its 10th get 429 (20 of 60: a status outside 201/503, and 67% acknowledged), and
    // so do the soak's past its 10th (a 3 s soak writes about 100). Convergence is judged on the 201s and stays green; the probes' agent writes twice.
    [Fact(DisplayName = "Phase 2 goes red on the burst statuses, the burst's 95% and the soak's errors when an agent's creates past 10 get 429")]
    public Task AgentRateLimit10() => RedOnAsync("agent_rate_limit_10");

    // Every create also stores and fans out "<title> (copy)" before its 201: every node holds titles never attempted.
    [Fact(DisplayName = "Phase 2 goes red on strays on every node when each create adds a suffixed copy")]
    public Task CreateAddsCopy() => RedOnAsync("create_adds_copy");

    // Titles arrive everywhere (holds-95pct stays green); only the peers' copies carry other content. node-a stored
    // what was sent.
    [Fact(DisplayName = "Phase 2 goes red on content as sent on node-b and node-c when quorum pushes alter the content")]
    public Task FanoutContentAltered() => RedOnAsync("fanout_content_altered");

    // Status, error and Retry-After are right (probe 2's status fact stays green); got and needed leave the leader out.
    [Fact(DisplayName = "Phase 2 goes red on probe 2's body when the 503 counts the peers' acks only")]
    public Task Quorum503CountsPeersOnly() => RedOnAsync("quorum_503_counts_peers_only");

    // Probe 1 still gets its 201 (node-a and node-c acknowledged), but claims quorum_acks 1: below the W it met.
    [Fact(DisplayName = "Phase 2 goes red on probe 1's body when the 201's quorum_acks leaves the leader out")]
    public Task QuorumAcksPeersOnly() => RedOnAsync("quorum_acks_peers_only");

    // The leader lacks 1 of its 60 acknowledged writes (98 % ≥ 95 %: holds-95pct stays green) and waits out the 5 s deadline for it.
    [Fact(DisplayName = "Phase 2 goes red on the leader holding every write it acknowledged when it loses its own copy of one")]
    public Task LeaderLoses40thTaggedWrite() =>
        RedOnAsync("leader_loses_40th_tagged_write", new Dictionary<string, string> { [ConvergeDeadlineSecs] = "5" });

    // The cluster never reports healthy: the preflight is red, and with no cluster no other fact has evidence.
    [Fact(DisplayName = "Phase 2 goes red on its preflight, leaving no other fact any evidence, when health never answers ok")]
    public Task HealthNeverOk() => RedOnAsync("health_never_ok", SelfTestSettings.ShortHealthTimeout);

    // 3 ≥ W passed before; with node-b down only 2 nodes could acknowledge.
    [Fact(DisplayName = "Phase 2 goes red on probe 1's body when quorum_acks counts every configured node, up or not")]
    public Task QuorumAcksClaimsAllNodes() => RedOnAsync("quorum_acks_claims_all_nodes");

    [Fact(DisplayName = "Phase 2 goes red on probe 2's body when Retry-After is 5 where the row says 2")]
    public Task Quorum503RetryAfter5() => RedOnAsync("quorum_503_retry_after_5");

    [Fact(DisplayName = "Phase 2 goes red on probe 2's body when reason is neither timeout nor unreachable")]
    public Task Quorum503ReasonOther() => RedOnAsync("quorum_503_reason_other");

    private Task RedOnAsync(string faultSwitch, IReadOnlyDictionary<string, string>? extra = null) => MutantRun.RedOnAsync(2, faultSwitch, _log, extra);
}
