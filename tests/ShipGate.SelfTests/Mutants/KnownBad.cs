using ShipGate.Contract.Criteria;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// Every known-bad node of the in-process mutant catalog: a fault switch of the reference node, the phase it runs in,
/// the facts it must fail (<see cref="Failed"/>), those it must leave without evidence (<see cref="Unproven"/>, only
/// with the row's <see cref="UnprovenWhy"/>), and those its settings leave to timing (any outcome). The red set is
/// compared as (criterion, outcome): a fact expected to fail that has no evidence (an unfired fault, say) does not
/// satisfy its row. A row that expects nothing red is an error. The Phase{N}Mutants facts take their expectations from
/// here (their why stays beside each fact), and CriterionCoverageTests checks that every criterion of the catalog has a
/// known-bad node here or among the bad configurations.
/// </summary>
public sealed record KnownBad(
    string Switch, int Phase, IReadOnlyList<string> Failed, IReadOnlyList<string>? MayAlsoBeRed = null,
    IReadOnlyList<string>? Unproven = null, string? UnprovenWhy = null)
{
    private const string Kill = "kill_primary_mid_write";
    private const string Partition = "partition_minority";
    private const string Pause = "pause_peer";

    private const string NoProbe2Body = "probe 2 gets no 503, so there is no quorum_not_met body to check";

    /// <summary>What a class that could not start a cycle fails (the not-ready wording), and what it leaves without evidence.</summary>
    private static readonly string[] NotReady = ["finished-in-budget", "no-acknowledged-write-lost"];
    private static readonly string[] NoCycle = ["acknowledged", "counts-within-writes", "convergence-bound", "liveness"];
    private static readonly string[] Unacknowledged = ["acknowledged", "convergence-bound", "no-acknowledged-write-lost"];

    private static readonly string[] NoSource =
        ["p3.forward.read-written-n", "p3.rerun.idempotent", "p3.reverse.no-errors", "p3.stats.totals-n", "p3.roundtrip.identical"];

    private const string ShortSeed = "the seed stored fewer than N rows, so there is no N-row source to migrate";
    private const string NoOwnRead = "a read in one namespace misses that namespace's own memory, so it shows nothing about another's";
    private const string NoBackup = "the snapshot is not a backup of the node, so restoring it shows nothing about restore";

    private const string NoSha = "with no manifest (or two) there is no one manifest sha256 to compare with the snapshot";

    public static readonly IReadOnlyList<KnownBad> All =
    [
        new("backup_no_manifest", 1, EveryNode(1, "backup.one-manifest"), Unproven: EveryNode(1, "backup.manifest-sha256", "restore.from-backup"),
            UnprovenWhy: $"{NoSha}; and restore rightly refuses a snapshot without its manifest"),
        new("backup_keep_two", 1, EveryNode(1, "backup.one-snapshot", "backup.one-manifest"), Unproven: EveryNode(1, "backup.manifest-sha256"),
            UnprovenWhy: NoSha),
        new("mcp_20_tools", 1, EveryNode(1, "mcp.tools", "mcp.tool-names")),
        new("curator_real_error", 1, EveryNode(1, "curator.no-unexpected-errors")),
        new("recall_finds_nothing", 1, EveryNode(1, "recall.hits", "mcp.round-trip"), Unproven: EveryNode(1, "namespace.isolated"), UnprovenWhy: NoOwnRead),
        // The restored node's stats.total is 0 as well, against the snapshot's 1.
        new("stats_total_zero", 1, EveryNode(1, "stats.total", "backup.restorable", "restore.from-backup")),
        new("stats_total_string", 1, EveryNode(1, "shape.cli")),
        new("recall_json_no_score", 1, EveryNode(1, "shape.cli")),
        new("mcp_input_schema_string", 1, EveryNode(1, "shape.mcp")),
        new("serve_unhealthy_after_maintenance", 1, EveryNode(1, "liveness")),
        new("version_bare_number", 1, EveryNode(1, "version.recorded")),
        // v0.7.0 mode: every node healthy, but each answers 401 to the key the gate wrote into its config.toml.
        Unstarted("api_key_rejected", 1),
        new("mcp_initialize_old_protocol", 1, EveryNode(1, "mcp.initialize")),
        new("mcp_tool_calls_error", 1, EveryNode(1, "mcp.round-trip"), Unproven: EveryNode(1, "namespace.isolated"), UnprovenWhy: NoOwnRead),
        new("mcp_store_unseen", 1, EveryNode(1, "mcp.round-trip"), Unproven: EveryNode(1, "namespace.isolated"), UnprovenWhy: NoOwnRead),
        new("backup_empty_snapshot", 1, EveryNode(1, "backup.restorable"), Unproven: EveryNode(1, "restore.from-backup"), UnprovenWhy: NoBackup),
        new("backup_other_database", 1, EveryNode(1, "backup.restorable"), Unproven: EveryNode(1, "restore.from-backup"), UnprovenWhy: NoBackup),
        new("restore_copies_nothing", 1, EveryNode(1, "restore.from-backup")),
        new("restore_keeps_later", 1, EveryNode(1, "restore.from-backup")),
        new("mcp_recall_ignores_namespace", 1, EveryNode(1, "namespace.isolated")),
        new("http_get_unknown_answers_other", 1, EveryNode(1, "http.unknown-id-404")),

        new("fanout_drop_last_peer", 2, ["p2.node-c.holds-95pct"], Unproven: ["p2.node-c.content-as-sent"],
            UnprovenWhy: "node-c holds none of the acknowledged rows, so it has no content to compare with what was sent"),
        // W silently 1: probe 1's 201 returns once the leader's own write lands, so its quorum_acks is 1 unless node-c's
        // ack wins that race (red in 1 of 2 runs seen); probe 2 is the fact this switch must turn red.
        new("quorum_201_without_peers", 2, ["p2.probe2.both-peers-down-503"], ["p2.probe1.body"], Unproven: ["p2.probe2.body"], UnprovenWhy: NoProbe2Body),
        new("quorum_leader_not_counted", 2, ["p2.probe1.one-peer-down-201", "p2.probe2.body"], Unproven: ["p2.probe1.body"],
            UnprovenWhy: "probe 1 answers 503, so there is no 201 whose quorum_acks to check"),
        new("fanout_hang_after_peer_failure", 2, ["p2.probe2.both-peers-down-503"], Unproven: ["p2.probe2.body"], UnprovenWhy: NoProbe2Body),
        new("serve_dies_after_20s", 2, ["p2.soak.no-errors", .. EveryNode(2, "liveness")], Unproven: EveryNode(2, "soak.memory-growth"),
            UnprovenWhy: "an exited container has no memory for the engine to report"),
        new("http_quorum_acks_string", 2, ["p2.shape.http"]),
        // Probe 1's push to the killed node-b is refused at once, so the panic races the 201 node-c's ack earns:
        // seen in 1 of 3 self-test runs of the host-less node, whose exit is quicker. Either way the node died.
        new("serve_exits_on_push_failure", 2, ["p2.probe2.both-peers-down-503"], ["p2.probe1.one-peer-down-201", "p2.probe1.body"],
            Unproven: ["p2.probe2.body"], UnprovenWhy: NoProbe2Body),
        new("http_recall_slow_2s", 2, EveryNode(2, "soak.p99-latency")),
        new("leak_8mib_per_create", 2, EveryNode(2, "soak.memory-growth")),
        new("agent_rate_limit_10", 2, ["p2.burst.only-201-503", "p2.burst.ack-95pct", "p2.soak.no-errors"]),
        new("create_adds_copy", 2, EveryNode(2, "no-strays-or-duplicates")),
        new("fanout_content_altered", 2, ["p2.node-b.content-as-sent", "p2.node-c.content-as-sent"]),
        new("quorum_503_counts_peers_only", 2, ["p2.probe2.body"]),
        new("quorum_acks_peers_only", 2, ["p2.probe1.body"]),
        Unstarted("health_never_ok", 2),

        new("migrate_drop_every_100th", 3, ["p3.forward.read-written-n", "p3.rerun.idempotent", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("migrate_rerun_duplicates", 3, ["p3.rerun.idempotent", "p3.reverse.no-errors", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("migrate_corrupt_content", 3, ["p3.forward.read-written-n", "p3.roundtrip.identical"]),
        new("migrate_lying_report", 3, ["p3.forward.read-written-n", "p3.rerun.idempotent", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("source_without_chaos", 3, ["p3.seed.stored-n"], Unproven: NoSource, UnprovenWhy: ShortSeed),
        // v0.7.0 mode, 1000 rows: the first agent's 800 writes pass the halved quota at the 501st (429 QUOTA_EXCEEDED).
        new("quota_500_per_day", 3, ["p3.seed.stored-n"], Unproven: NoSource, UnprovenWhy: ShortSeed),
        new("stats_total_string", 3, ["p3.shape.cli"]),
        new("serve_unhealthy_after_maintenance", 3, ["p3.node-a.liveness"]),
        new("http_created_without_agent_id", 3, ["p3.shape.http"]),
        Unstarted("health_never_ok", 3),

        new("source_without_chaos", 4, [], Unproven: [.. Class(Kill, Unacknowledged), .. Class(Partition, Unacknowledged)],
            UnprovenWhy: "every write gets 400, so nothing is acknowledged, nothing to converge and nothing to lose"),
        new("ack_before_commit", 4, Class(Kill, "convergence-bound", "no-acknowledged-write-lost")),
        new("fanout_drop_last_peer", 4, [.. Class(Kill, NotReady), .. Class(Partition, NotReady)],
            Unproven: [.. Class(Kill, NoCycle), .. Class(Partition, NoCycle)],
            UnprovenWhy: "node-c never receives the leader's readiness writes, so no cycle starts"),
        new("no_catchup_no_stragglers", 4, Class(Pause, "convergence-bound")),
        new("fanout_hang_after_peer_failure", 4, Class(Partition, "finished-in-budget"),
            Unproven: Class(Partition, [.. NoCycle, "no-acknowledged-write-lost"]),
            UnprovenWhy: "the class hangs in cycle 1, so no cycle completes"),
        new("http_quorum_acks_string", 4, ["p4.shape.http"]),
        new("serve_exits_on_push_failure", 4, Class(Partition, "liveness"), Class(Partition, "convergence-bound")),
        new("create_adds_copy", 4, Class(Partition, "counts-within-writes")),
    ];

    /// <summary>Every fact the row expects red, whatever the outcome.</summary>
    public IReadOnlyList<string> Red => [.. Failed, .. Unproven ?? []];

    /// <summary>The outcome the row expects of <paramref name="key"/>: no evidence only where it says so.</summary>
    public Outcome Expected(string key) => Unproven?.Contains(key) == true ? Outcome.NoEvidence : Outcome.Fail;

    /// <summary>
    /// A phase that could not start fails its preflight and leaves every other fact without evidence: such a row proves
    /// its preflight only, not the checks of the facts it leaves without evidence.
    /// </summary>
    public IEnumerable<string> Proves => UnprovenWhy == NotStarted ? Failed : Red;

    /// <summary>The row of this switch in this phase; a switch with no row is a self-test's typo.</summary>
    public static KnownBad Of(string faultSwitch, int phase) =>
        All.SingleOrDefault(k => k.Switch == faultSwitch && k.Phase == phase)
        ?? throw new KeyNotFoundException($"no known-bad row for {faultSwitch} in Phase {phase}");

    private const string NotStarted = "the phase never started, so nothing but its preflight was judged on evidence";

    /// <summary>A node that never comes up: its preflight fails, every other fact of the phase (Phase 4 with no class) has no evidence.</summary>
    private static KnownBad Unstarted(string faultSwitch, int phase)
    {
        var preflight = $"p{phase}.preflight";
        return new(faultSwitch, phase, [preflight], Unproven: [.. CriteriaCatalog.Facts(phase, []).Select(f => f.Key).Where(k => k != preflight)],
            UnprovenWhy: NotStarted);
    }

    private static string[] EveryNode(int phase, params string[] criteria) =>
        [.. Topology.Nodes.SelectMany(node => criteria.Select(c => $"p{phase}.{node}.{c}"))];

    private static string[] Class(string fault, params string[] criteria) => [.. criteria.Select(c => $"p4.{fault}.{c}")];
}
