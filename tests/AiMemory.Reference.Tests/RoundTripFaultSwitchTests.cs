using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The switches that break a round trip rather than a count: an MCP tool call, a restorable snapshot, a peer's copy
/// of the content, a 503 body. Each changes exactly what it names; the honest node is the control.
/// </summary>
public sealed class RoundTripFaultSwitchTests
{
    private static Dictionary<string, string>? Fault(string? name) =>
        name is null ? null : new() { ["AI_MEMORY_REFERENCE_FAULTS"] = name };

    private static string DeadPeer() => $"http://127.0.0.1:{NodeProcess.FreePort()}";

    [Theory]
    [InlineData(null, true)]
    [InlineData("mcp_tool_calls_error", false)]
    public async Task Mcp_tool_calls_error_fails_every_call_with_internal_error_and_keeps_tools_list(string? faults, bool answers)
    {
        using var dir = new ScratchDir("f-mcperr");
        await using var mcp = await McpClient.StartInitializedAsync(dir, Fault(faults));
        (await mcp.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray().Should().HaveCount(McpTests.Catalogue.Length);
        var call = await mcp.RequestAsync("tools/call", new JsonObject { ["name"] = "memory_stats", ["arguments"] = new JsonObject() });
        (call["result"] is not null).Should().Be(answers, call.ToJsonString());
        if (!answers) call["error"]!["code"]!.GetValue<int>().Should().Be(-32603);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("mcp_store_unseen", 1)]
    public async Task Mcp_store_unseen_keeps_mcp_writes_from_the_cli(string? faults, int getExit)
    {
        using var dir = new ScratchDir("f-mcpunseen");
        string id;
        await using (var mcp = await McpClient.StartInitializedAsync(dir, Fault(faults)))
        {
            id = (await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "via mcp", ["content"] = "mcp body" }))["id"]!.GetValue<string>();
            var recall = await mcp.CallJsonAsync("memory_recall", new JsonObject { ["context"] = "mcp body", ["format"] = "json" });
            recall["memories"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).Should().Contain(id, "MCP sees its own write either way");
        }

        var get = await CliRunner.RunAsync(dir, ["get", id, "--json"], Fault(faults));
        get.ExitCode.Should().Be(getExit, get.ToString());
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("backup_empty_snapshot", -1)]
    [InlineData("backup_other_database", 0)]
    public async Task Backup_switches_leave_a_snapshot_its_manifest_matches_but_without_the_rows(string? faults, int rows)
    {
        using var dir = new ScratchDir("f-bkrestore");
        await CliRunner.RunAsync(dir, "store", "-T", "backed up", "-c", "row to back up");
        var r = await CliRunner.RunAsync(dir, ["backup", "--to", "snaps", "--keep", "1", "--json"], Fault(faults));
        r.ExitCode.Should().Be(0, r.ToString());
        var snapshot = Directory.GetFiles(dir.File("snaps"), "ai-memory-*.db").Should().ContainSingle().Subject;
        var bytes = File.ReadAllBytes(snapshot);
        r.Json["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), "the manifest always matches the file");
        r.Json["bytes"]!.GetValue<long>().Should().Be(bytes.Length);
        if (rows < 0) bytes.Should().BeEmpty();
        else Seed.Rows(snapshot).Should().HaveCount(rows);
    }

    [Theory]
    [InlineData(null, "reference node test payload")]
    [InlineData("fanout_content_altered", "reference node test payload (pushed)")]
    public async Task Fanout_content_altered_changes_the_peers_copy_only(string? faults, string peerContent)
    {
        await using var b = await NodeProcess.StartAsync();
        await using var leader = await NodeProcess.StartAsync(
            ["--quorum-writes", "2", "--quorum-peers", b.Url, "--quorum-timeout-ms", "2000", "--catchup-interval-secs", "0"], faults);
        var created = await leader.Client.CreateAsync("altered", "alter");
        created.Code.Should().Be(201);
        var id = (string)created.Json["id"]!;
        ((string)(await leader.Client.FetchAsync($"/api/v1/memories/{id}")).Json["memory"]!["content"]!).Should().Be("reference node test payload");
        ((string)(await b.Client.FetchAsync($"/api/v1/memories/{id}")).Json["memory"]!["content"]!).Should().Be(peerContent);
    }

    [Theory]
    [InlineData(null, 1, 2)]
    [InlineData("quorum_503_counts_peers_only", 0, 1)]
    public async Task Quorum_503_counts_peers_only_leaves_the_leader_out_of_the_body(string? faults, int got, int needed)
    {
        await using var leader = await NodeProcess.StartAsync(
            ["--quorum-writes", "2", "--quorum-peers", $"{DeadPeer()},{DeadPeer()}", "--quorum-timeout-ms", "2000"], faults);
        var a = await leader.Client.CreateAsync("down", "q503");
        a.Code.Should().Be(503);
        a.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        ((int)a.Json["got"]!, (int)a.Json["needed"]!).Should().Be((got, needed));
    }
}
