using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The switches that change one printed shape or the daemon's lifetime: each changes exactly what it names (the CLI
/// JSON, not HTTP; one field, not its neighbours), with the honest output of the same scenario as the control.
/// </summary>
public sealed class OutputFaultSwitchTests
{
    private static Dictionary<string, string> Fault(string name) => new() { ["AI_MEMORY_REFERENCE_FAULTS"] = name };

    [Fact]
    public async Task Stats_total_string_quotes_the_cli_total_and_changes_nothing_else()
    {
        using var dir = new ScratchDir("f-totstr");
        await Seed.ImportAsync(dir, "s.db", 7);
        var honest = (await CliRunner.RunAsync(dir, "--db", "s.db", "stats", "--json")).Json.AsObject();
        var faulty = await CliRunner.RunAsync(dir, ["--db", "s.db", "stats", "--json"], Fault("stats_total_string"));
        faulty.ExitCode.Should().Be(0, faulty.ToString());
        faulty.Stdout.Should().Contain("\"total\":\"7\"");

        var quoted = faulty.Json.AsObject();
        quoted["total"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String);
        quoted["total"]!.GetValue<string>().Should().Be(honest["total"]!.GetValue<long>().ToString());
        Without(quoted, "total").Should().Be(Without(honest, "total"));
    }

    [Fact]
    public async Task Stats_total_string_leaves_http_stats_a_number()
    {
        await using var node = await NodeProcess.StartAsync(faults: "stats_total_string");
        (await node.Client.CreateAsync("one", "totstr")).Code.Should().Be(201);
        var stats = (await node.Client.FetchAsync("/api/v1/stats")).Json;
        stats["total"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);
        stats["total"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Recall_json_no_score_drops_score_from_every_cli_hit_and_nothing_else()
    {
        using var dir = new ScratchDir("f-noscore");
        await Seed.ImportAsync(dir, "r.db", 12);
        var honest = await CliRunner.RunAsync(dir, "--db", "r.db", "recall", "migration", "--limit", "5", "--json");
        var faulty = await CliRunner.RunAsync(dir, ["--db", "r.db", "recall", "migration", "--limit", "5", "--json"], Fault("recall_json_no_score"));
        faulty.ExitCode.Should().Be(0, faulty.ToString());

        var hits = faulty.Json["memories"]!.AsArray();
        var controls = honest.Json["memories"]!.AsArray();
        hits.Should().HaveCount(5);
        controls.Should().OnlyContain(h => h!["score"] != null);
        hits.Should().OnlyContain(h => h!["score"] == null);
        // Recall touches its hits (access_count), so the second call may rank them differently: compare as sets.
        hits.Select(h => h!["id"]!.GetValue<string>()).Should().BeEquivalentTo(controls.Select(h => h!["id"]!.GetValue<string>()));
        hits.Select(h => string.Join(",", h!.AsObject().Select(p => p.Key))).Distinct()
            .Should().Equal(controls.Select(h => string.Join(",", h!.AsObject().Select(p => p.Key).Where(k => k != "score"))).Distinct());
        Without(faulty.Json.AsObject(), "memories").Should().Be(Without(honest.Json.AsObject(), "memories"));
    }

    [Fact]
    public async Task Serve_dies_after_20s_serves_normally_then_exits_1_with_a_line_on_stderr()
    {
        await using var node = await NodeProcess.StartAsync(faults: "serve_dies_after_20s");
        (await node.Client.CreateAsync("alive", "dies")).Code.Should().Be(201, "the node serves until it dies");
        (await node.Client.HoldsTitleAsync("dies", "alive")).Should().BeTrue();

        (await node.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(1);
        node.Stderr.Should().Contain("serve_dies_after_20s");
        (await node.IsHealthyAsync()).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("serve_exits_on_push_failure")]
    public async Task Serve_exits_on_push_failure_exits_101_when_a_push_to_a_peer_fails(string? faults)
    {
        await using var peer = await NodeProcess.StartAsync();
        var dead = $"http://127.0.0.1:{NodeProcess.FreePort()}";
        await using var leader = await NodeProcess.StartAsync(
            ["--quorum-writes", "2", "--quorum-peers", $"{peer.Url},{dead}", "--quorum-timeout-ms", "2000", "--catchup-interval-secs", "0"], faults);

        // The live peer may ack before the dead one's push fails, so the write may still be answered, or cut off.
        try
        {
            await leader.Client.CreateAsync("pushed", "exits");
        }
        catch (HttpRequestException) when (faults is not null)
        {
        }

        if (faults is null)
        {
            (await leader.WaitForExitAsync(TimeSpan.FromSeconds(3))).Should().BeNull("an honest leader logs a failed push and keeps serving");
            (await leader.IsHealthyAsync()).Should().BeTrue();
            return;
        }

        (await leader.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(101);
        leader.Stderr.Should().Contain("panicked").And.Contain(dead);
        (await peer.IsHealthyAsync()).Should().BeTrue("only the leader's fan-out panics");
    }

    [Theory]
    [InlineData(null, System.Text.Json.JsonValueKind.Number)]
    [InlineData("http_quorum_acks_string", System.Text.Json.JsonValueKind.String)]
    public async Task Http_quorum_acks_string_quotes_only_the_201s_quorum_acks(string? faults, System.Text.Json.JsonValueKind kind)
    {
        await using var peer = await NodeProcess.StartAsync();
        await using var leader = await NodeProcess.StartAsync(["--quorum-writes", "2", "--quorum-peers", peer.Url], faults);

        var created = await leader.Client.CreateAsync("acked", "qstr");
        created.Code.Should().Be(201);
        created.Json["quorum_acks"]!.GetValueKind().Should().Be(kind);
        created.Json["quorum_acks"]!.ToString().Should().Be("2", "the count is right, only its JSON type drifts");
        created.Json["id"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String);
        var page = (await leader.Client.FetchAsync("/api/v1/memories?namespace=qstr")).Json;
        page["count"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number, "list pages are untouched");
    }

    [Fact]
    public async Task Mcp_input_schema_string_serializes_each_schema_into_a_string_and_changes_nothing_else()
    {
        using var dir = new ScratchDir("f-schema");
        await using var honest = await McpClient.StartInitializedAsync(dir);
        await using var faulty = await McpClient.StartInitializedAsync(dir, Fault("mcp_input_schema_string"));
        var want = (await honest.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray();
        var got = (await faulty.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray();

        got.Select(t => t!["name"]!.GetValue<string>()).Should().Equal(want.Select(t => t!["name"]!.GetValue<string>()));
        got.Select(t => t!["description"]!.GetValue<string>()).Should().Equal(want.Select(t => t!["description"]!.GetValue<string>()));
        got.Should().OnlyContain(t => t!["inputSchema"]!.GetValueKind() == System.Text.Json.JsonValueKind.String);
        got.Select(t => JsonNode.Parse(t!["inputSchema"]!.GetValue<string>())!.ToJsonString())
            .Should().Equal(want.Select(t => t!["inputSchema"]!.ToJsonString()));
    }

    private static string Without(JsonObject o, string key) =>
        new JsonObject(o.Where(p => p.Key != key).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
