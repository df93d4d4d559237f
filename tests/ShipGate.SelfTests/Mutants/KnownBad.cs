using ShipGate.Contract.Criteria;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// Every known-bad node of the in-process mutant catalog: a fault switch of the reference node, the phase it runs in,
/// the facts it must turn red (exactly) and those its settings leave to timing. The Phase{N}Mutants facts take their
/// expected red sets from here (their why stays beside each fact), and CriterionCoverageTests checks that every
/// criterion of the catalog has a known-bad node here or among the bad configurations.
/// </summary>
public sealed record KnownBad(string Switch, int Phase, IReadOnlyList<string> Red, IReadOnlyList<string>? MayAlsoBeRed = null)
{
    private const string Kill = "kill_primary_mid_write";
    private const string Partition = "partition_minority";
    private const string Pause = "pause_peer";

    public static readonly IReadOnlyList<KnownBad> All =
    [
        new("backup_no_manifest", 1, EveryNode(1, "backup.one-manifest", "backup.manifest-sha256")),
        new("backup_keep_two", 1, EveryNode(1, "backup.one-snapshot", "backup.one-manifest", "backup.manifest-sha256")),
        new("mcp_20_tools", 1, EveryNode(1, "mcp.tools")),
        new("curator_real_error", 1, EveryNode(1, "curator.no-unexpected-errors")),
        new("recall_finds_nothing", 1, EveryNode(1, "recall.hits")),
        new("stats_total_zero", 1, EveryNode(1, "stats.total")),
        new("stats_total_string", 1, EveryNode(1, "shape.cli")),
        new("recall_json_no_score", 1, EveryNode(1, "shape.cli")),
        new("mcp_input_schema_string", 1, EveryNode(1, "shape.mcp")),
        new("serve_unhealthy_after_maintenance", 1, EveryNode(1, "liveness")),
        new("version_bare_number", 1, EveryNode(1, "version.recorded")),

        new("fanout_drop_last_peer", 2, ["p2.node-c.holds-95pct"]),
        new("quorum_201_without_peers", 2, ["p2.probe2.both-peers-down-503"]),
        new("quorum_leader_not_counted", 2, ["p2.probe1.one-peer-down-201"]),
        new("source_without_chaos", 2, []),
        new("fanout_hang_after_peer_failure", 2, ["p2.probe2.both-peers-down-503"]),
        new("serve_dies_after_20s", 2, ["p2.soak.no-errors", .. EveryNode(2, "liveness", "soak.memory-growth")]),
        new("http_quorum_acks_string", 2, ["p2.shape.http"]),
        // Probe 1's push to the killed node-b is refused at once, so the panic races the 201 node-c's ack earns:
        // seen in 1 of 3 self-test runs of the host-less node, whose exit is quicker. Either way the node died.
        new("serve_exits_on_push_failure", 2, ["p2.probe2.both-peers-down-503"], ["p2.probe1.one-peer-down-201"]),
        new("http_recall_slow_2s", 2, EveryNode(2, "soak.p99-latency")),
        new("leak_8mib_per_create", 2, EveryNode(2, "soak.memory-growth")),
        new("agent_rate_limit_10", 2, ["p2.burst.only-201-503", "p2.burst.ack-95pct", "p2.soak.no-errors"]),
        new("create_adds_copy", 2, EveryNode(2, "no-strays-or-duplicates")),
        new("health_never_ok", 2, EveryFact(2)),

        new("migrate_drop_every_100th", 3, ["p3.forward.read-written-n", "p3.rerun.idempotent", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("migrate_rerun_duplicates", 3, ["p3.rerun.idempotent", "p3.reverse.no-errors", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("migrate_corrupt_content", 3, ["p3.forward.read-written-n", "p3.roundtrip.identical"]),
        new("migrate_lying_report", 3, ["p3.forward.read-written-n", "p3.rerun.idempotent", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("source_without_chaos", 3,
            ["p3.seed.stored-n", "p3.forward.read-written-n", "p3.rerun.idempotent", "p3.reverse.no-errors", "p3.stats.totals-n", "p3.roundtrip.identical"]),
        new("stats_total_string", 3, ["p3.shape.cli"]),
        new("serve_unhealthy_after_maintenance", 3, ["p3.node-a.liveness"]),
        new("health_never_ok", 3, EveryFact(3)),

        new("source_without_chaos", 4, [.. Class(Kill, "acknowledged", "convergence-bound"), .. Class(Partition, "acknowledged", "convergence-bound")]),
        new("ack_before_commit", 4, Class(Kill, "convergence-bound")),
        new("no_catchup_no_stragglers", 4, Class(Pause, "convergence-bound")),
        new("fanout_hang_after_peer_failure", 4, Class(Partition, "finished-in-budget", "acknowledged", "counts-within-writes", "convergence-bound", "liveness")),
        new("http_quorum_acks_string", 4, ["p4.shape.http"]),
        new("serve_exits_on_push_failure", 4, Class(Partition, "liveness"), Class(Partition, "convergence-bound")),
        new("create_adds_copy", 4, Class(Partition, "counts-within-writes")),
    ];

    /// <summary>
    /// A phase that could not start turns every fact red without evidence: such a row proves its preflight only, not
    /// the checks of the facts it leaves without evidence.
    /// </summary>
    public IEnumerable<string> Proves => Red.ToHashSet(StringComparer.Ordinal).SetEquals(EveryFact(Phase)) ? [$"p{Phase}.preflight"] : Red;

    /// <summary>The row of this switch in this phase; a switch with no row is a self-test's typo.</summary>
    public static KnownBad Of(string faultSwitch, int phase) =>
        All.SingleOrDefault(k => k.Switch == faultSwitch && k.Phase == phase)
        ?? throw new KeyNotFoundException($"no known-bad row for {faultSwitch} in Phase {phase}");

    private static string[] EveryNode(int phase, params string[] criteria) =>
        [.. Topology.Nodes.SelectMany(node => criteria.Select(c => $"p{phase}.{node}.{c}"))];

    private static string[] Class(string fault, params string[] criteria) => [.. criteria.Select(c => $"p4.{fault}.{c}")];

    /// <summary>Every fact of a phase (Phase 4 with no fault class): what a phase that could not start turns red.</summary>
    public static string[] EveryFact(int phase) => [.. CriteriaCatalog.Facts(phase, []).Select(f => f.Key)];
}
