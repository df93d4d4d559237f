using ShipGate.SelfTests.Support;
using NodeCluster = ShipGate.Fixtures.Cluster.Cluster;

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
    public Task BackupNoManifest() => RedOnEveryNodeAsync("backup_no_manifest", "backup.one-manifest", "backup.manifest-sha256");

    // The surviving older snapshot keeps its manifest too, and two pairs leave no single pair to checksum.
    [Fact(DisplayName = "Phase 1 goes red on exactly one snapshot (and one manifest, and the sha256 check) on every node when backup --keep 1 keeps two")]
    public Task BackupKeepTwo() => RedOnEveryNodeAsync("backup_keep_two", "backup.one-snapshot", "backup.one-manifest", "backup.manifest-sha256");

    [Fact(DisplayName = "Phase 1 goes red on the MCP tool count on every node when tools/list returns only 20 tools")]
    public Task Mcp20Tools() => RedOnEveryNodeAsync("mcp_20_tools", "mcp.tools");

    [Fact(DisplayName = "Phase 1 goes red on curator errors on every node when the curator reports a real error")]
    public Task CuratorRealError() => RedOnEveryNodeAsync("curator_real_error", "curator.no-unexpected-errors");

    [Fact(DisplayName = "Phase 1 goes red on recall hits on every node when recall finds nothing")]
    public Task RecallFindsNothing() => RedOnEveryNodeAsync("recall_finds_nothing", "recall.hits");

    [Fact(DisplayName = "Phase 1 goes red on stats.total on every node when stats reports a total of 0")]
    public Task StatsTotalZero() => RedOnEveryNodeAsync("stats_total_zero", "stats.total");

    // The value is right (1 ≥ 1, so stats.total stays green); only its JSON type drifted: exactly the shape fact.
    [Fact(DisplayName = "Phase 1 goes red on the CLI shape on every node when stats --json prints total as a string")]
    public Task StatsTotalString() => RedOnEveryNodeAsync("stats_total_string", "shape.cli");

    [Fact(DisplayName = "Phase 1 goes red on the CLI shape on every node when recall --json hits lack score")]
    public Task RecallJsonNoScore() => RedOnEveryNodeAsync("recall_json_no_score", "shape.cli");

    // tools/list still names all 36 tools (mcp.tools stays green); only each inputSchema's JSON type drifted.
    [Fact(DisplayName = "Phase 1 goes red on the MCP shape on every node when tools/list sends each inputSchema as a JSON string")]
    public Task McpInputSchemaString() => RedOnEveryNodeAsync("mcp_input_schema_string", "shape.mcp");

    // Each node's backup leaves the switch's marker beside its database and its serve answers health 503 from then
    // on; every other step runs through the CLI or MCP and stays green.
    [Fact(DisplayName = "Phase 1 goes red on liveness on every node when serve turns unhealthy after a backup")]
    public Task ServeUnhealthyAfterMaintenance() => RedOnEveryNodeAsync("serve_unhealthy_after_maintenance", "liveness");

    private async Task RedOnEveryNodeAsync(string faultSwitch, params string[] facts)
    {
        var run = await SelfTestCampaign.Phase1Async(SelfTestSettings.For(faultSwitch, 1), faultSwitch, _log);
        RedSet.ShouldBe(run, _log, [.. NodeCluster.Aliases.SelectMany(node => facts.Select(fact => $"p1.{node}.{fact}"))]);
    }
}
