using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// Phase 1 mutants: every node of the cluster carries the switch, so each fact turns red on node-a, node-b
/// and node-c — and nothing else may.
/// </summary>
[Trait("Category", "Mutant")]
public sealed class Phase1Mutants(ITestOutputHelper output)
{
    private readonly TestLog _log = new(output);

    // Without a manifest the checksum fact has nothing to compare: no evidence, so red as well.
    [Fact(DisplayName = "Phase 1 goes red on exactly one manifest (and the manifest sha256 check) on every node when backup writes no manifest")]
    public Task BackupNoManifest() => RedOnAsync("backup_no_manifest");

    // The surviving older snapshot keeps its manifest too, and two pairs leave no single pair to checksum.
    [Fact(DisplayName = "Phase 1 goes red on exactly one snapshot (and one manifest, and the sha256 check) on every node when backup --keep 1 keeps two")]
    public Task BackupKeepTwo() => RedOnAsync("backup_keep_two");

    [Fact(DisplayName = "Phase 1 goes red on the MCP tool count and the missing tool names on every node when tools/list returns only 20 tools")]
    public Task Mcp20Tools() => RedOnAsync("mcp_20_tools");

    [Fact(DisplayName = "Phase 1 goes red on curator errors on every node when the curator reports a real error")]
    public Task CuratorRealError() => RedOnAsync("curator_real_error");

    // MCP's memory_recall is the same recall, so the MCP round trip breaks at its recall leg as well.
    [Fact(DisplayName = "Phase 1 goes red on recall hits and the MCP round trip on every node when recall finds nothing")]
    public Task RecallFindsNothing() => RedOnAsync("recall_finds_nothing");

    // The snapshot holds the one memory; the restorable check compares it with stats.total, which now says 0.
    [Fact(DisplayName = "Phase 1 goes red on stats.total, and on the snapshot's count against it, on every node when stats reports a total of 0")]
    public Task StatsTotalZero() => RedOnAsync("stats_total_zero");

    // The value is right (1 ≥ 1, so stats.total stays green); only its JSON type drifted: exactly the shape fact.
    [Fact(DisplayName = "Phase 1 goes red on the CLI shape on every node when stats --json prints total as a string")]
    public Task StatsTotalString() => RedOnAsync("stats_total_string");

    [Fact(DisplayName = "Phase 1 goes red on the CLI shape on every node when recall --json hits lack score")]
    public Task RecallJsonNoScore() => RedOnAsync("recall_json_no_score");

    // tools/list still names all 36 tools (mcp.tools stays green); only each inputSchema's JSON type drifted.
    [Fact(DisplayName = "Phase 1 goes red on the MCP shape on every node when tools/list sends each inputSchema as a JSON string")]
    public Task McpInputSchemaString() => RedOnAsync("mcp_input_schema_string");

    // Each node's backup leaves the switch's marker beside its database and its serve answers health 503 from then
    // on; every other step runs through the CLI or MCP and stays green.
    [Fact(DisplayName = "Phase 1 goes red on liveness on every node when serve turns unhealthy after a backup")]
    public Task ServeUnhealthyAfterMaintenance() => RedOnAsync("serve_unhealthy_after_maintenance");

    // The image's --version (the preflight's is-it-ai-memory check) runs without the node environment, so only the
    // per-node record, taken inside each node with its switches, sees the bare number.
    [Fact(DisplayName = "Phase 1 goes red on the recorded version on every node when --version prints a bare number")]
    public Task VersionBareNumber() => RedOnAsync("version_bare_number");

    // A v0.7.0 node that checks requests against another key than its config.toml's: healthy (health needs no key), but
    // the gate's key is refused, so the preflight is red, worded as such, and nothing else of the phase has evidence.
    [Fact(DisplayName = "Phase 1 goes red on its preflight, named as the rejected API key, when a v0.7.0 node refuses the gate's key")]
    public async Task ApiKeyRejected()
    {
        var run = await SelfTestCampaign.PhaseAsync(1, "api_key_rejected", "api_key_rejected", _log, SelfTestSettings.V070, []);
        RedSet.ShouldBe(run, _log, KnownBad.Of("api_key_rejected", 1));
        Assert.Contains("node rejected the gate's API key", run.Findings.Single(f => f.Criterion == "p1.preflight").Verdict.Message);
    }

    // tools/list and every other surface are honest; only the handshake names an older protocol revision.
    [Fact(DisplayName = "Phase 1 goes red on the MCP initialize answer on every node when it names an older protocolVersion")]
    public Task McpInitializeOldProtocol() => RedOnAsync("mcp_initialize_old_protocol");

    // tools/list still offers all 36 tools (mcp.tools stays green); the first tools/call, memory_store, answers −32603.
    [Fact(DisplayName = "Phase 1 goes red on the MCP round trip on every node when every tools/call answers a JSON-RPC error")]
    public Task McpToolCallsError() => RedOnAsync("mcp_tool_calls_error");

    // MCP store and recall agree with each other in a database of their own; the CLI's get of the stored id fails.
    [Fact(DisplayName = "Phase 1 goes red on the MCP round trip on every node when MCP writes where the CLI never reads")]
    public Task McpStoreUnseen() => RedOnAsync("mcp_store_unseen");

    // The manifest is written after the 0-byte snapshot and matches it, so rotation and checksum stay green.
    [Fact(DisplayName = "Phase 1 goes red on the restorable backup on every node when the snapshot is an empty file")]
    public Task BackupEmptySnapshot() => RedOnAsync("backup_empty_snapshot");

    // A well-formed, intact database with the schema and no rows: only its content shows it is not the node's.
    [Fact(DisplayName = "Phase 1 goes red on the restorable backup on every node when backup snapshots another, empty database")]
    public Task BackupOtherDatabase() => RedOnAsync("backup_other_database");

    // The backup and its snapshot are honest (backup.restorable green); restore prints its success line and changes nothing.
    [Fact(DisplayName = "Phase 1 goes red on the restore from the backup on every node when restore reports success and copies nothing")]
    public Task RestoreCopiesNothing() => RedOnAsync("restore_copies_nothing");

    // A pre-restore file is there, so only what the restarted node serves and counts shows the later memory kept.
    [Fact(DisplayName = "Phase 1 goes red on the restore from the backup on every node when restore keeps the memory stored after the backup")]
    public Task RestoreKeepsLater() => RedOnAsync("restore_keeps_later");

    // The round trip's recall ran before the other namespace held a memory, so it stays green; the isolation reads do not.
    [Fact(DisplayName = "Phase 1 goes red on namespace isolation on every node when MCP memory_recall ignores its namespace")]
    public Task McpRecallIgnoresNamespace() => RedOnAsync("mcp_recall_ignores_namespace");

    [Fact(DisplayName = "Phase 1 goes red on the unknown id on every node when GET of an unknown id answers another memory")]
    public Task HttpGetUnknownAnswersOther() => RedOnAsync("http_get_unknown_answers_other");

    private Task RedOnAsync(string faultSwitch) => MutantRun.RedOnAsync(1, faultSwitch, _log);
}
