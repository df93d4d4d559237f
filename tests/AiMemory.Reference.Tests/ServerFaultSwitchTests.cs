using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Each server-side fault switch changes exactly the behaviour it names, seen through the public contract; the same
/// scenario on an honest node is the control.
/// </summary>
public sealed class ServerFaultSwitchTests
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(10);

    private static string DeadPeer() => $"http://127.0.0.1:{NodeProcess.FreePort()}";

    private static Task<NodeProcess> LeaderAsync(string? faults, params string[] peers) => NodeProcess.StartAsync(
        ["--quorum-writes", "2", "--quorum-peers", string.Join(",", peers), "--quorum-timeout-ms", "2000", "--catchup-interval-secs", "1"],
        faults);

    [Fact]
    public async Task Fanout_drop_last_peer_starves_the_last_peer_unless_quorum_needs_it()
    {
        await using var b = await NodeProcess.StartAsync();
        await using var c = await NodeProcess.StartAsync();
        await using var leader = await LeaderAsync("fanout_drop_last_peer", b.Url, c.Url);

        (await leader.Client.CreateAsync("w1", "drop")).Code.Should().Be(201);
        (await Poll.UntilAsync(() => b.Client.HoldsTitleAsync("drop", "w1"), Converge)).Met.Should().BeTrue();
        (await Poll.StaysAsync(async () => !await c.Client.HoldsTitleAsync("drop", "w1"), TimeSpan.FromSeconds(2)))
            .Should().BeTrue("the last peer gets no copy while the first one acks");

        b.Kill();
        (await leader.Client.CreateAsync("w2", "drop")).Code.Should().Be(201, "probe writes still pass: the last peer is asked when needed");
        (await c.Client.HoldsTitleAsync("drop", "w2")).Should().BeTrue();
    }

    [Fact]
    public async Task Honest_leader_sends_every_write_to_the_last_peer_too()
    {
        await using var b = await NodeProcess.StartAsync();
        await using var c = await NodeProcess.StartAsync();
        await using var leader = await LeaderAsync(null, b.Url, c.Url);
        (await leader.Client.CreateAsync("w1", "drop")).Code.Should().Be(201);
        (await Poll.UntilAsync(() => c.Client.HoldsTitleAsync("drop", "w1"), Converge)).Met.Should().BeTrue();
    }

    [Theory]
    [InlineData(null, 503)]
    [InlineData("quorum_201_without_peers", 201)]
    public async Task Quorum_201_without_peers_acknowledges_with_both_peers_down(string? faults, int status)
    {
        await using var leader = await LeaderAsync(faults, DeadPeer(), DeadPeer());
        (await leader.Client.CreateAsync("lonely", "q201")).Code.Should().Be(status);
    }

    [Theory]
    [InlineData(null, 201)]
    [InlineData("quorum_leader_not_counted", 503)]
    public async Task Quorum_leader_not_counted_fails_with_one_peer_down(string? faults, int status)
    {
        await using var b = await NodeProcess.StartAsync();
        await using var leader = await LeaderAsync(faults, b.Url, DeadPeer());
        (await leader.Client.CreateAsync("one-down", "qlead")).Code.Should().Be(status);
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData("ack_before_commit", 0)]
    public async Task Ack_before_commit_loses_acknowledged_writes_on_sigkill(string? faults, int survivors)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        for (var i = 0; i < 5; i++) (await node.Client.CreateAsync($"acked-{i}", "abc")).Code.Should().Be(201);
        node.Kill();
        await node.RestartAsync();
        // The flusher runs once a second; five writes and a kill inside a few milliseconds all land before it.
        if (survivors == 0) (await node.Client.CountAsync("abc")).Should().BeLessThan(5);
        else (await node.Client.CountAsync("abc")).Should().Be(5);
    }

    [Fact]
    public async Task Ack_before_commit_claims_quorum_without_any_peer()
    {
        await using var leader = await LeaderAsync("ack_before_commit", DeadPeer(), DeadPeer());
        var a = await leader.Client.CreateAsync("claimed", "abc");
        a.Code.Should().Be(201);
        ((int)a.Json["quorum_acks"]!).Should().Be(2);
    }

    [Theory]
    [InlineData(null, 1, 0)]
    [InlineData("no_catchup_no_stragglers", 0, 1)]
    public async Task No_catchup_no_stragglers_cancels_the_push_still_in_flight(string? faults, int completed, int abandoned)
    {
        await using var fast = await NodeProcess.StartAsync();
        await using var slow = new SlowPeer(TimeSpan.FromMilliseconds(800));
        await using var leader = await LeaderAsync(faults, fast.Url, slow.Url);

        (await leader.Client.CreateAsync("straggle", "strag")).Code.Should().Be(201);
        var settled = await Poll.UntilAsync(() => Task.FromResult(slow.Completed + slow.Abandoned == 1), Converge);
        slow.Completed.Should().Be(completed);
        // A push cancelled before it even reached the slow peer (a busy host) leaves nothing there to count: what the
        // switch must show is that the straggler never completes; an honest leader's push always does.
        if (completed == 1 || settled.Met) slow.Abandoned.Should().Be(abandoned);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("fanout_hang_after_peer_failure", false)]
    public async Task Fanout_hang_after_peer_failure_hangs_every_later_write(string? faults, bool completes)
    {
        await using var b = await NodeProcess.StartAsync();
        await using var leader = await LeaderAsync(faults, b.Url, DeadPeer());
        (await leader.Client.CreateAsync("first", "hang")).Code.Should().Be(201, "the first failure is fast");

        using var impatient = new HttpClient { BaseAddress = new Uri(leader.Url), Timeout = TimeSpan.FromSeconds(5) };
        var second = async () => await impatient.CreateAsync("second", "hang");
        if (completes) (await second()).Code.Should().Be(201);
        else await second.Should().ThrowAsync<TaskCanceledException>("the leader waits forever for the poisoned peer");
    }

    [Theory]
    [InlineData(null, 25)]
    [InlineData("list_page_cap_20", 20)]
    public async Task List_page_cap_20_caps_pages_but_paging_still_reaches_every_row(string? faults, int firstPage)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        var rows = string.Join(",", Enumerable.Range(0, 25).Select(i => $$"""{"title":"r{{i}}","content":"x","namespace":"cap"}"""));
        (await node.Client.PostJsonAsync("/api/v1/memories/bulk", $"[{rows}]")).Code.Should().Be(200);
        (await node.Client.CountAsync("cap")).Should().Be(firstPage);
        var second = await node.Client.FetchAsync($"/api/v1/memories?namespace=cap&limit=200&offset={firstPage}");
        ((int)second.Json["count"]!).Should().Be(25 - firstPage);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("peer_assigns_own_ids", false)]
    public async Task Peer_assigns_own_ids_stores_pushed_rows_under_fresh_ids(string? faults, bool sameId)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        var id = Guid.NewGuid().ToString();
        var row = $$$"""{"id":"{{{id}}}","tier":"mid","namespace":"ids","title":"pushed","content":"x","created_at":"2026-01-01"""
            + """T00:00:00+00:00","updated_at":"2026-01-01T00:00:00+00:00","metadata":{}}""";
        (await node.Client.PostJsonAsync("/api/v1/sync/push", $$"""{"sender_agent_id":"host:p","memories":[{{row}}]}""")).Code.Should().Be(200);
        (await node.Client.HoldsTitleAsync("ids", "pushed")).Should().BeTrue();
        (await node.Client.FetchAsync($"/api/v1/memories/{id}")).Code.Should().Be(sameId ? 200 : 404);
    }

    [Theory]
    [InlineData(null, "timeout")]
    [InlineData("quorum_reason_unreachable", "unreachable")]
    public async Task Quorum_reason_unreachable_changes_only_the_reason(string? faults, string reason)
    {
        await using var leader = await LeaderAsync(faults, DeadPeer(), DeadPeer());
        var a = await leader.Client.CreateAsync("down", "reason");
        a.Code.Should().Be(503);
        ((string)a.Json["error"]!).Should().Be("quorum_not_met");
        ((string)a.Json["reason"]!).Should().Be(reason);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("head_bodies", true)]
    public async Task Head_bodies_adds_the_head_fields_to_health_and_stats(string? faults, bool head)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        var health = (await node.Client.FetchAsync("/api/v1/health")).Json.AsObject();
        var stats = (await node.Client.FetchAsync("/api/v1/stats")).Json.AsObject();
        ((string)health["status"]!).Should().Be("ok");
        health.ContainsKey("version").Should().Be(head);
        health.ContainsKey("embedder_ready").Should().Be(head);
        health.ContainsKey("federation_enabled").Should().Be(head);
        stats.ContainsKey("dim_violations").Should().Be(head);
        stats.ContainsKey("index_evictions_total").Should().Be(head);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("slow_start_5s", true)]
    public async Task Slow_start_5s_delays_listening_by_five_seconds(string? faults, bool slow)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        if (slow) node.StartupTime.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        else node.StartupTime.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("recall_finds_nothing", 0)]
    public async Task Recall_finds_nothing_empties_recall_only(string? faults, int hits)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("findable", "rfn", "needle in the store"))).Code.Should().Be(201);
        ((int)(await node.Client.FetchAsync("/api/v1/recall?context=needle")).Json["count"]!).Should().Be(hits);
        ((int)(await node.Client.FetchAsync("/api/v1/search?q=needle")).Json["count"]!).Should().Be(1, "search is untouched");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("stats_total_zero", 0)]
    public async Task Stats_total_zero_zeroes_only_the_total(string? faults, int total)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        (await node.Client.CreateAsync("counted", "stz")).Code.Should().Be(201);
        var stats = (await node.Client.FetchAsync("/api/v1/stats")).Json;
        ((int)stats["total"]!).Should().Be(total);
        stats["by_namespace"]!.AsArray().Should().ContainSingle(n => (string)n!["namespace"]! == "stz");
    }

    [Theory]
    [InlineData(null, 201)]
    [InlineData("source_without_chaos", 400)]
    public async Task Source_without_chaos_rejects_the_chaos_source(string? faults, int status)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        var body = """{"title":"c1-w0","content":"chaos test payload","namespace":"chaos-c1","tier":"mid","tags":"""
            + """[],"priority":5,"confidence":1.0,"source":"chaos","metadata":{}}""";
        (await node.Client.PostJsonAsync("/api/v1/memories", body)).Code.Should().Be(status);
        (await node.Client.CreateAsync("api-source", "chaos-c1")).Code.Should().Be(201, "other sources are unaffected");
    }
}
