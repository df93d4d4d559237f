using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// v0.7.0's per-agent daily memory quota (src/quotas.rs:31, :233, :313-390): 1000 per agent per UTC day, charged by HTTP
/// create (429 `code: QUOTA_EXCEEDED`, src/handlers/http.rs:917-946), each /sync/push row (429 `error: QUOTA_EXCEEDED`
/// with X-Quota-Reset-At, federation_receive.rs:836-975) and MCP store (src/mcp/tools/store.rs:795); not by CLI store nor
/// HTTP bulk create. quota_500_per_day is the known-bad node with half the cap.
/// </summary>
public sealed class V070QuotaTests
{
    private static Dictionary<string, string> Agent(string id) => new() { ["X-Agent-Id"] = id };

    // Eight writers at a time: the node serialises on its one SQLite connection anyway.
    private static async Task<List<int>> CreateAsync(NodeProcess node, string agent, string ns, int count)
    {
        using var gate = new SemaphoreSlim(8);
        return [.. await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try { return (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory($"{agent}-{i}", ns), headers: Agent(agent))).Code; }
            finally { gate.Release(); }
        }))];
    }

    [Fact]
    public async Task The_1001st_http_create_of_an_agent_in_a_day_is_429_and_other_agents_write_on()
    {
        await using var node = await NodeProcess.StartAsync(env: V070ServeTests.V070);
        (await CreateAsync(node, "ai:busy", "quota", 1000)).Should().AllBeEquivalentTo(201);

        var refused = await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("one too many", "quota"), headers: Agent("ai:busy"));
        refused.Code.Should().Be(429, refused.Body);
        refused.Json.ToJsonString().Should().Be(new JsonObject
        {
            ["code"] = "QUOTA_EXCEEDED", ["error"] = "QUOTA_EXCEEDED: agent ai:busy hit memories_per_day (current=1000, max=1000)",
            ["limit"] = "memories_per_day", ["current"] = 1000, ["max"] = 1000, ["agent_id"] = "ai:busy",
        }.ToJsonString());
        ((int)(await node.Client.FetchAsync("/api/v1/stats")).Json["total"]!).Should().Be(1000, "the refused row is not stored");
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("someone else", "quota"), headers: Agent("ai:other"))).Code.Should().Be(201);
    }

    [Fact]
    public async Task Past_the_cap_pushes_of_the_author_are_429_while_cli_store_and_bulk_create_are_not_charged()
    {
        await using var node = await NodeProcess.StartAsync(faults: "quota_500_per_day", env: V070ServeTests.V070);
        (await CreateAsync(node, "ai:origin", "cap", 500)).Should().AllBeEquivalentTo(201);
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("501", "cap"), headers: Agent("ai:origin"))).Code.Should().Be(429);

        var headers = new Dictionary<string, string> { ["x-peer-id"] = "host:peer" };
        var push = await node.Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer", [PushedRow.Of("cap", "pushed")]), headers: headers);
        push.Code.Should().Be(429, push.Body);
        ((string)push.Json["error"]!).Should().Be("QUOTA_EXCEEDED", "the push refusal's field is error, not code");
        ((string)push.Json["agent_id"]!).Should().Be("ai:origin", "a pushed row is charged to its author");
        push.Response.Headers.GetValues("x-quota-limit").Should().Equal("memories_per_day");
        push.Response.Headers.Contains("x-quota-reset-at").Should().BeTrue();

        var bulk = await node.Client.PostJsonAsync("/api/v1/memories/bulk",
            $"[{NodeApi.Memory("bulk-1", "cap", extra: "\"agent_id\":\"ai:origin\"")}]", headers: Agent("ai:origin"));
        ((int)bulk.Json["created"]!).Should().Be(1, bulk.Body);

        using var dir = new ScratchDir("quota");
        var env = new Dictionary<string, string>(V070ServeTests.V070) { ["AI_MEMORY_DB"] = node.DbPath, ["AI_MEMORY_REFERENCE_FAULTS"] = "quota_500_per_day" };
        var store = await CliRunner.RunAsync(dir, ["--agent-id", "ai:origin", "store", "--title", "cli", "--content", "cli row", "--namespace", "cap"], env);
        store.ExitCode.Should().Be(0, store.ToString());

        await using var mcp = McpClient.Start(dir, env, "--agent-id", "ai:origin");
        await mcp.RequestAsync("initialize", new JsonObject());
        var (text, isError) = await mcp.CallAsync("memory_store", new JsonObject { ["title"] = "mcp", ["content"] = "mcp row", ["namespace"] = "cap" });
        isError.Should().BeTrue(text);
        text.Should().Be("QUOTA_EXCEEDED: agent ai:origin hit memories_per_day (current=500, max=500)");
    }

    [Fact]
    public async Task Quota_500_per_day_caps_a_v060_node_too()
    {
        await using var node = await NodeProcess.StartAsync(faults: "quota_500_per_day");
        (await CreateAsync(node, "ai:v060", "cap060", 500)).Should().AllBeEquivalentTo(201);
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("501", "cap060"), headers: Agent("ai:v060"))).Code.Should().Be(429);
    }
}
