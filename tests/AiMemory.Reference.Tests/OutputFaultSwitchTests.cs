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

    private static string Without(JsonObject o, string key) =>
        new JsonObject(o.Where(p => p.Key != key).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
