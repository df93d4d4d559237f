using System.Collections.Concurrent;
using System.Diagnostics;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Quorum writes across three real processes (contract §2.2–§2.4): W=2 counts the leader, stragglers converge,
/// 503 + Retry-After when both peers are gone, no rollback, and catch-up heals a peer that missed writes.
/// </summary>
public sealed class FederationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task All_up_write_is_201_with_quorum_acks_and_every_node_holds_it()
    {
        await using var cluster = await LocalCluster.StartAsync();
        var a = await cluster.Leader.Client.CreateAsync("all-up", "fed");

        a.Code.Should().Be(201);
        ((int)a.Json["quorum_acks"]!).Should().BeGreaterThanOrEqualTo(2);
        foreach (var node in cluster.Nodes)
            (await Poll.UntilAsync(() => node.Client.HoldsTitleAsync("fed", "all-up"), Converge)).Met
                .Should().BeTrue($"node on {node.Port} should hold the write (the straggler is not cancelled)");
        var ids = await Task.WhenAll(cluster.Nodes.Select(async n =>
            (string)(await n.Client.FetchAsync("/api/v1/memories?namespace=fed")).Json["memories"]![0]!["id"]!));
        ids.Distinct().Should().ContainSingle("peers store the leader's id");
    }

    [Fact]
    public async Task One_peer_down_is_still_201_and_both_down_is_a_fast_503_that_keeps_the_local_row()
    {
        await using var cluster = await LocalCluster.StartAsync(timeoutMs: 3000);
        cluster.Nodes[2].Kill();
        var probe1 = await cluster.Leader.Client.CreateAsync("probe-1", "probe");
        probe1.Code.Should().Be(201);
        ((int)probe1.Json["quorum_acks"]!).Should().Be(2);

        cluster.Nodes[1].Kill();
        var clock = Stopwatch.StartNew();
        var probe2 = await cluster.Leader.Client.CreateAsync("probe-2", "probe");
        clock.Stop();

        probe2.Code.Should().Be(503);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "refused connections end the wait early");
        probe2.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        ((string)probe2.Json["error"]!).Should().Be("quorum_not_met");
        ((int)probe2.Json["got"]!).Should().Be(1);
        ((int)probe2.Json["needed"]!).Should().Be(2);
        ((string)probe2.Json["reason"]!).Should().Be("timeout", "every peer failed before the deadline");
        (await cluster.Leader.Client.HoldsTitleAsync("probe", "probe-2")).Should().BeTrue("the local commit is never rolled back");
        output.WriteLine($"503 with both peers down after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_peer_restarted_after_missing_writes_catches_up()
    {
        await using var cluster = await LocalCluster.StartAsync();
        var late = cluster.Nodes[2];
        late.Kill();
        for (var i = 0; i < 5; i++)
            (await cluster.Leader.Client.CreateAsync($"missed-{i}", "catchup")).Code.Should().Be(201);

        await late.RestartAsync();
        // First pass 5 s after start, then every second: well inside 5 s + 2 intervals + slack.
        var caught = await Poll.UntilAsync(async () => await late.Client.CountAsync("catchup") == 5, TimeSpan.FromSeconds(12));
        caught.Met.Should().BeTrue("the restarted peer pulls what it missed from /sync/since");
        output.WriteLine($"restarted peer caught up {caught.Elapsed.TotalSeconds:F1} s after it was healthy");
    }

    [Fact]
    public async Task Four_concurrent_clients_write_200_and_every_node_converges()
    {
        await using var cluster = await LocalCluster.StartAsync();
        var statuses = new ConcurrentBag<int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(agent => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(cluster.Leader.Url) };
            for (var i = 0; i < 50; i++)
            {
                var a = await client.PostJsonAsync("/api/v1/memories", NodeApi.Memory($"agent-{agent}-{i}", "burst"),
                    headers: new Dictionary<string, string> { ["X-Agent-Id"] = $"ai:agent-{agent}" });
                statuses.Add(a.Code);
            }
        })));
        var writes = clock.Elapsed;
        statuses.Should().AllSatisfy(s => s.Should().Be(201));

        var converged = await Poll.UntilAsync(async () =>
        {
            var counts = await Task.WhenAll(cluster.Nodes.Select(n => n.Client.CountAsync("burst")));
            return counts.All(c => c == 200);
        }, Converge);
        converged.Met.Should().BeTrue("every node holds all 200 acknowledged writes");
        output.WriteLine($"200 writes from 4 clients: {writes.TotalMilliseconds:F0} ms; every node holds all 200 after " +
                         $"{(writes + converged.Elapsed).TotalMilliseconds:F0} ms; leader startup {cluster.Leader.StartupTime.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Quorum_writes_above_n_are_clamped_and_zero_means_federation_off()
    {
        await using var clamped = await LocalCluster.StartAsync(quorumWrites: 9);
        var a = await clamped.Leader.Client.CreateAsync("clamped", "clamp");
        a.Code.Should().Be(201, "W=9 is clamped to N=3 and all three are up");
        ((int)a.Json["quorum_acks"]!).Should().Be(3);

        await using var off = await NodeProcess.StartAsync(["--quorum-writes", "0", "--quorum-peers", $"http://127.0.0.1:{NodeProcess.FreePort()}"]);
        var local = await off.Client.CreateAsync("solo", "clamp");
        local.Code.Should().Be(201);
        local.Json.AsObject().Should().NotContainKey("quorum_acks");
    }
}
