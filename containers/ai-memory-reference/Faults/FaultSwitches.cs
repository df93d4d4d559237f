namespace AiMemory.Reference.Faults;

/// <summary>
/// Known regressions, switched on by AI_MEMORY_REFERENCE_FAULTS (a comma list). Unset = the honest node.
/// Each switch changes behaviour only through the public contract; README.md's table names the gate fact
/// each one must turn red (or, for the benign ones, must leave green).
/// </summary>
public sealed class FaultSwitches
{
    public const string EnvironmentVariable = "AI_MEMORY_REFERENCE_FAULTS";

    // Federation (Phase 2 / Phase 4)
    public const string FanoutDropLastPeer = "fanout_drop_last_peer";
    public const string Quorum201WithoutPeers = "quorum_201_without_peers";
    public const string QuorumLeaderNotCounted = "quorum_leader_not_counted";
    public const string AckBeforeCommit = "ack_before_commit";
    public const string NoCatchupNoStragglers = "no_catchup_no_stragglers";
    public const string FanoutHangAfterPeerFailure = "fanout_hang_after_peer_failure";
    public const string SourceWithoutChaos = "source_without_chaos";
    public const string ServeExitsOnPushFailure = "serve_exits_on_push_failure";
    public const string HttpQuorumAcksString = "http_quorum_acks_string";
    public const string HttpRecallSlow2s = "http_recall_slow_2s";
    public const string Leak8MibPerCreate = "leak_8mib_per_create";
    public const string AgentRateLimit10 = "agent_rate_limit_10";
    public const string CreateAddsCopy = "create_adds_copy";
    public const string HealthNeverOk = "health_never_ok";
    public const string FanoutContentAltered = "fanout_content_altered";
    public const string Quorum503CountsPeersOnly = "quorum_503_counts_peers_only";
    public const string QuorumAcksPeersOnly = "quorum_acks_peers_only";
    public const string HttpCreatedWithoutAgentId = "http_created_without_agent_id";
    public const string ApiKeyRejected = "api_key_rejected";
    public const string Quota500PerDay = "quota_500_per_day";

    // Functional (Phase 1)
    public const string BackupNoManifest = "backup_no_manifest";
    public const string BackupKeepTwo = "backup_keep_two";
    public const string Mcp20Tools = "mcp_20_tools";
    public const string CuratorRealError = "curator_real_error";
    public const string RecallFindsNothing = "recall_finds_nothing";
    public const string StatsTotalZero = "stats_total_zero";
    public const string ServeDiesAfter20s = "serve_dies_after_20s";
    public const string StatsTotalString = "stats_total_string";
    public const string RecallJsonNoScore = "recall_json_no_score";
    public const string McpInputSchemaString = "mcp_input_schema_string";
    public const string ServeUnhealthyAfterMaintenance = "serve_unhealthy_after_maintenance";
    public const string VersionBareNumber = "version_bare_number";
    public const string McpToolCallsError = "mcp_tool_calls_error";
    public const string McpStoreUnseen = "mcp_store_unseen";
    public const string BackupEmptySnapshot = "backup_empty_snapshot";
    public const string BackupOtherDatabase = "backup_other_database";
    public const string McpInitializeOldProtocol = "mcp_initialize_old_protocol";
    public const string RestoreCopiesNothing = "restore_copies_nothing";
    public const string RestoreKeepsLater = "restore_keeps_later";
    public const string McpRecallIgnoresNamespace = "mcp_recall_ignores_namespace";
    public const string HttpGetUnknownAnswersOther = "http_get_unknown_answers_other";

    // Migration (Phase 3)
    public const string MigrateDropEvery100th = "migrate_drop_every_100th";
    public const string MigrateRerunDuplicates = "migrate_rerun_duplicates";
    public const string MigrateCorruptContent = "migrate_corrupt_content";
    public const string MigrateLyingReport = "migrate_lying_report";

    // Benign variants: the gate must stay green.
    public const string ListPageCap20 = "list_page_cap_20";
    public const string PeerAssignsOwnIds = "peer_assigns_own_ids";
    public const string QuorumReasonUnreachable = "quorum_reason_unreachable";
    public const string HeadBodies = "head_bodies";
    public const string SlowStart5s = "slow_start_5s";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        FanoutDropLastPeer, Quorum201WithoutPeers, QuorumLeaderNotCounted, AckBeforeCommit,
        NoCatchupNoStragglers, FanoutHangAfterPeerFailure, SourceWithoutChaos, ServeExitsOnPushFailure, HttpQuorumAcksString, HttpRecallSlow2s,
        Leak8MibPerCreate, AgentRateLimit10, CreateAddsCopy, HealthNeverOk, FanoutContentAltered, Quorum503CountsPeersOnly,
        QuorumAcksPeersOnly, HttpCreatedWithoutAgentId, ApiKeyRejected, Quota500PerDay,
        BackupNoManifest, BackupKeepTwo, Mcp20Tools, CuratorRealError, RecallFindsNothing, StatsTotalZero,
        ServeDiesAfter20s, StatsTotalString, RecallJsonNoScore, McpInputSchemaString, ServeUnhealthyAfterMaintenance, VersionBareNumber,
        McpToolCallsError, McpStoreUnseen, BackupEmptySnapshot, BackupOtherDatabase, McpInitializeOldProtocol,
        RestoreCopiesNothing, RestoreKeepsLater, McpRecallIgnoresNamespace, HttpGetUnknownAnswersOther,
        MigrateDropEvery100th, MigrateRerunDuplicates, MigrateCorruptContent, MigrateLyingReport,
        ListPageCap20, PeerAssignsOwnIds, QuorumReasonUnreachable, HeadBodies, SlowStart5s,
    };

    private readonly HashSet<string> _on;

    private FaultSwitches(HashSet<string> on) => _on = on;

    public static FaultSwitches Honest { get; } = new([]);

    /// <summary>The process-wide switches, read once from the environment.</summary>
    public static FaultSwitches Current { get; } = FromEnvironment();

    public bool IsOn(string name) => _on.Contains(name);

    public IReadOnlyCollection<string> Active => _on;

    public static FaultSwitches Parse(string? list)
    {
        var on = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // An unknown name is a typo in a self-test, never something to ignore silently.
            if (!Known.Contains(raw))
                throw new ArgumentException($"{EnvironmentVariable}: unknown fault switch '{raw}' (known: {string.Join(", ", Known.Order())})");
            on.Add(raw);
        }
        return new FaultSwitches(on);
    }

    private static FaultSwitches FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
}
