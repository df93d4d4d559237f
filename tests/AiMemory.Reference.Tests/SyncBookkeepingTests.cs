using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>Sync bookkeeping and the bulk shape as v0.6.0 has them (contract §1.5 bulk, §1.11, §5.1 sync_state).</summary>
public sealed class SyncBookkeepingTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    private static Dictionary<string, string> As(string agent) => new() { ["X-Agent-Id"] = agent };

    [Fact]
    public async Task A_dry_run_push_counts_noops_and_writes_nothing()
    {
        var ns = SingleNodeFixture.Namespace("dry");
        var push = await Client.PostJsonAsync("/api/v1/sync/push",
            PushedRow.Push("host:dry-sender", [PushedRow.Of(ns, "one"), PushedRow.Of(ns, "two")], dryRun: true), headers: As("ai:dry-receiver"));
        push.Code.Should().Be(200);
        ((int)push.Json["applied"]!).Should().Be(0);
        ((int)push.Json["noop"]!).Should().Be(2);
        ((int)push.Json["skipped"]!).Should().Be(0);
        ((bool)push.Json["dry_run"]!).Should().BeTrue();
        push.Json["receiver_clock"]!["entries"]!.AsObject().Should().NotContainKey("host:dry-sender", "a preview records nothing");
        (await Client.CountAsync(ns)).Should().Be(0);
        SyncStateRows("ai:dry-receiver").Should().BeEmpty();
    }

    [Fact]
    public async Task The_receiver_records_each_sender_and_returns_its_clock()
    {
        var ns = SingleNodeFixture.Namespace("clock");
        const string receiver = "ai:clock-receiver";
        var first = await Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer-a",
        [
            PushedRow.Of(ns, "a1", "2026-02-01T00:00:00.000000000+00:00"), PushedRow.Of(ns, "a2", "2026-02-03T00:00:00.000000000+00:00"),
        ]), headers: As(receiver));
        first.Code.Should().Be(200);
        ((string)first.Json["receiver_clock"]!["entries"]!["host:peer-a"]!).Should().Be("2026-02-03T00:00:00.000000000+00:00",
            "the clock entry is the newest updated_at seen from that sender");

        var second = await Client.PostJsonAsync("/api/v1/sync/push",
            PushedRow.Push("host:peer-b", [PushedRow.Of(ns, "b1", "2026-02-02T00:00:00.000000000+00:00")]), headers: As(receiver));
        var entries = second.Json["receiver_clock"]!["entries"]!.AsObject();
        entries.Select(e => e.Key).Should().BeEquivalentTo(["host:peer-a", "host:peer-b"]);
        SyncStateRows(receiver).Should().BeEquivalentTo(
        [
            ("host:peer-a", "2026-02-03T00:00:00.000000000+00:00"), ("host:peer-b", "2026-02-02T00:00:00.000000000+00:00"),
        ]);
    }

    [Fact]
    public async Task Since_accepts_an_empty_value_and_rejects_a_bad_one_with_v060_text()
    {
        var empty = await Client.FetchAsync("/api/v1/sync/since?since=");
        empty.Code.Should().Be(200);
        empty.Json.AsObject().Select(p => p.Key).Should().Contain(["count", "limit", "memories"]);

        var bad = await Client.FetchAsync("/api/v1/sync/since?since=yesterday");
        bad.Code.Should().Be(400);
        ((string)bad.Json["error"]!).Should().Be("invalid `since` parameter — expected RFC 3339 timestamp");
    }

    [Fact]
    public async Task Push_over_1000_memories_is_refused_with_v060_text()
    {
        var ns = SingleNodeFixture.Namespace("big");
        var push = await Client.PostJsonAsync("/api/v1/sync/push",
            PushedRow.Push("host:peer", Enumerable.Range(0, 1001).Select(i => PushedRow.Of(ns, $"r{i}"))));
        push.Code.Should().Be(400);
        ((string)push.Json["error"]!).Should().Be("sync_push limited to 1000 memories per request");
    }

    [Fact]
    public async Task Bulk_answers_created_and_errors_only()
    {
        var ns = SingleNodeFixture.Namespace("bulkshape");
        var bulk = await Client.PostJsonAsync("/api/v1/memories/bulk",
            $$"""[{"title":"good","content":"x","namespace":"{{ns}}"},{"title":"bad","content":"x","namespace":"{{ns}}","source":"nope"}]""");
        bulk.Code.Should().Be(200);
        bulk.Json.AsObject().Select(p => p.Key).Should().Equal("created", "errors");
        ((int)bulk.Json["created"]!).Should().Be(1);
        ((string)bulk.Json["errors"]!.AsArray().Should().ContainSingle().Subject!).Should().StartWith("bad: ");

        var tooMany = "[" + string.Join(",", Enumerable.Repeat($$"""{"title":"t","content":"x","namespace":"{{ns}}"}""", 1001)) + "]";
        var rejected = await Client.PostJsonAsync("/api/v1/memories/bulk", tooMany);
        ((string)rejected.Json["error"]!).Should().Be("bulk operations limited to 1000 items");
    }

    private IReadOnlyList<(string Peer, string LastSeen)> SyncStateRows(string agent)
    {
        using var db = new SqliteConnection($"Data Source={fixture.Node.DbPath};Mode=ReadOnly;Pooling=false");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT peer_id, last_seen_at FROM sync_state WHERE agent_id = $a ORDER BY peer_id";
        cmd.Parameters.AddWithValue("$a", agent);
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1)));
        return rows;
    }
}
