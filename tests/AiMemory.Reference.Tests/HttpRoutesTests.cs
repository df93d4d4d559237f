using System.Net;
using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>Every v0.6.0 route the gate can reach, on one honest node (contract §1.2–§1.11).</summary>
public sealed class HttpRoutesTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Health_answers_ok_with_the_v060_body()
    {
        var a = await Client.FetchAsync("/api/v1/health");
        a.Code.Should().Be(200);
        a.Json.ToJsonString().Should().Be("""{"status":"ok","service":"ai-memory"}""");
    }

    [Fact]
    public async Task Create_answers_201_with_id_tier_namespace_title_and_agent_id_and_stamps_metadata()
    {
        var ns = SingleNodeFixture.Namespace("create");
        var a = await Client.PostJsonAsync("/api/v1/memories",
            NodeApi.Memory("first", ns, extra: "\"metadata\":{\"agent_id\":\"spoofed\",\"k\":1},\"scope\":\"team\""),
            headers: new Dictionary<string, string> { ["X-Agent-Id"] = "ai:agent-alice" });

        a.Code.Should().Be(201);
        var body = a.Json.AsObject();
        body.Select(p => p.Key).Should().StartWith(["id", "tier", "namespace", "title", "agent_id"]);
        body.Should().NotContainKey("quorum_acks", "federation is off");
        ((string)body["agent_id"]!).Should().Be("ai:agent-alice");

        var stored = (await Client.FetchAsync($"/api/v1/memories/{body["id"]}")).Json["memory"]!;
        ((string)stored["metadata"]!["agent_id"]!).Should().Be("ai:agent-alice", "the resolved id overwrites the caller's metadata.agent_id");
        ((string)stored["metadata"]!["scope"]!).Should().Be("team");
        ((int)stored["metadata"]!["k"]!).Should().Be(1);
        ((string)stored["expires_at"]!).Should().NotBeNull("mid rows get the 7-day default TTL");
        stored.AsObject().Should().NotContainKey("last_accessed_at");
    }

    [Fact]
    public async Task Create_without_agent_id_gets_an_anonymous_request_id()
    {
        var a = await Client.CreateAsync("anon", SingleNodeFixture.Namespace("anon"));
        ((string)a.Json["agent_id"]!).Should().MatchRegex("^anonymous:req-[0-9a-f]{8}$");
    }

    [Fact]
    public async Task Duplicate_title_and_namespace_upserts_with_v060_rules()
    {
        var ns = SingleNodeFixture.Namespace("upsert");
        var first = await Client.PostJsonAsync("/api/v1/memories",
            ("""{"title":"dup","content":"one","namespace":"NS","tier":"long","priority":8,"confidence":0.4,"tags":"""
                + """["a"],"agent_id":"ai:first"}""").Replace("NS", ns));
        var second = await Client.PostJsonAsync("/api/v1/memories",
            ("""{"title":"dup","content":"two","namespace":"NS","tier":"short","priority":3,"confidence":0.9,"tags":"""
                + """["b"],"source":"user","agent_id":"ai:second","metadata":{"x":2}}""").Replace("NS", ns));

        second.Code.Should().Be(201);
        ((string)second.Json["id"]!).Should().Be((string)first.Json["id"]!, "the existing row's id is returned");
        ((string)second.Json["agent_id"]!).Should().Be("ai:second", "the 201 echoes this request's id");
        ((JsonArray)second.Json["potential_contradictions"]!).Select(n => (string)n!).Should().Contain((string)first.Json["id"]!);

        var row = (await Client.FetchAsync($"/api/v1/memories/{first.Json["id"]}")).Json["memory"]!;
        ((string)row["content"]!).Should().Be("two");
        ((string)row["source"]!).Should().Be("user");
        row["tags"]!.AsArray().Select(t => (string)t!).Should().Equal("b");
        ((int)row["priority"]!).Should().Be(8);
        ((double)row["confidence"]!).Should().Be(0.9);
        ((string)row["tier"]!).Should().Be("long", "tier never downgrades");
        row.AsObject().Should().NotContainKey("expires_at", "expiry is cleared when either side is long");
        ((string)row["metadata"]!["agent_id"]!).Should().Be("ai:first", "the original writer is kept");
        ((int)row["metadata"]!["x"]!).Should().Be(2);
        (await Client.CountAsync(ns)).Should().Be(1);
    }

    [Fact]
    public async Task List_defaults_to_20_clamps_to_200_pages_with_offset_and_orders_by_priority()
    {
        var ns = SingleNodeFixture.Namespace("list");
        var items = Enumerable.Range(0, 230).Select(i => new JsonObject
        {
            ["title"] = $"row-{i:D3}", ["content"] = "list row", ["namespace"] = ns, ["priority"] = i == 7 ? 10 : 5,
        });
        (await Client.PostJsonAsync("/api/v1/memories/bulk", new JsonArray(items.ToArray<JsonNode>()).ToJsonString())).Code.Should().Be(200);

        var byDefault = await Client.FetchAsync($"/api/v1/memories?namespace={ns}");
        ((int)byDefault.Json["count"]!).Should().Be(20);
        byDefault.Json["memories"]!.AsArray().Should().HaveCount(20);
        ((string)byDefault.Json["memories"]![0]!["title"]!).Should().Be("row-007", "priority desc comes first");

        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&limit=1000")).Json["count"]!).Should().Be(200);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&limit=200&offset=200")).Json["count"]!).Should().Be(30);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&min_priority=9")).Json["count"]!).Should().Be(1);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&tier=long")).Json["count"]!).Should().Be(0);
    }

    [Fact]
    public async Task List_filters_by_agent_tag_and_created_window()
    {
        var ns = SingleNodeFixture.Namespace("filters");
        await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("tagged", ns, extra: "\"tags\":[\"red\",\"blue\"],\"agent_id\":\"ai:tagger\""));
        await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("plain", ns, extra: "\"agent_id\":\"ai:other\""));

        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&tags=red")).Json["count"]!).Should().Be(1);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&tags=red,blue")).Json["count"]!).Should().Be(0, "a comma list is not split");
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&agent_id=ai:other")).Json["count"]!).Should().Be(1);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&since=2000-01-01T00:00:00%2B00:00")).Json["count"]!).Should().Be(2);
        ((int)(await Client.FetchAsync($"/api/v1/memories?namespace={ns}&until=2000-01-01T00:00:00%2B00:00")).Json["count"]!).Should().Be(0);
        (await Client.FetchAsync($"/api/v1/memories?agent_id=bad%20id")).Code.Should().Be(400);
    }

    [Fact]
    public async Task Bulk_stores_up_to_1000_without_stamping_and_rejects_1001()
    {
        var ns = SingleNodeFixture.Namespace("bulk");
        var ok = await Client.PostJsonAsync("/api/v1/memories/bulk",
            $$$"""[{"title":"b1","content":"x","namespace":"{{{ns}}}","metadata":{"agent_id":"ai:kept"}},"""
                + $$$"""{"title":"b2","content":"x","namespace":"{{{ns}}}","source":"nope"}]""");
        ok.Code.Should().Be(200);
        ((int)ok.Json["created"]!).Should().Be(1);
        ok.Json["errors"]!.AsArray().Should().HaveCount(1);
        var row = (await Client.FetchAsync($"/api/v1/memories?namespace={ns}")).Json["memories"]![0]!;
        ((string)row["metadata"]!["agent_id"]!).Should().Be("ai:kept");

        var tooMany = "[" + string.Join(",", Enumerable.Repeat($$"""{"title":"t","content":"x","namespace":"{{ns}}"}""", 1001)) + "]";
        var rejected = await Client.PostJsonAsync("/api/v1/memories/bulk", tooMany);
        rejected.Code.Should().Be(400);
        rejected.Json["error"].Should().NotBeNull();
        (await Client.CountAsync(ns)).Should().Be(1);
    }

    [Fact]
    public async Task Get_put_delete_and_promote_work_by_full_id_and_unique_prefix()
    {
        var ns = SingleNodeFixture.Namespace("crud");
        var id = (string)(await Client.CreateAsync("crud", ns)).Json["id"]!;

        var got = await Client.FetchAsync($"/api/v1/memories/{id[..8]}");
        got.Code.Should().Be(200);
        ((string)got.Json["memory"]!["id"]!).Should().Be(id);
        got.Json["links"]!.AsArray().Should().BeEmpty();
        ((int)got.Json["memory"]!["access_count"]!).Should().Be(0, "GET does not touch access counters");

        var put = await Client.PutJsonAsync($"/api/v1/memories/{id}", """{"content":"changed","priority":9,"tier":"short"}""");
        put.Code.Should().Be(200);
        ((string)put.Json["content"]!).Should().Be("changed", "PUT returns the bare memory");
        ((string)put.Json["tier"]!).Should().Be("mid", "tier never downgrades");

        var other = (string)(await Client.CreateAsync("other", ns)).Json["id"]!;
        (await Client.PutJsonAsync($"/api/v1/memories/{other}", """{"title":"crud"}""")).Code.Should().Be(409);

        var promoted = await Client.PostJsonAsync($"/api/v1/memories/{id}/promote", "");
        promoted.Code.Should().Be(200);
        var row = (await Client.FetchAsync($"/api/v1/memories/{id}")).Json["memory"]!;
        ((string)row["tier"]!).Should().Be("long");
        row.AsObject().Should().NotContainKey("expires_at");

        var deleted = await Client.RemoveAsync($"/api/v1/memories/{id}");
        deleted.Code.Should().Be(200);
        ((bool)deleted.Json["deleted"]!).Should().BeTrue();
        (await Client.FetchAsync($"/api/v1/memories/{id}")).Code.Should().Be(404);
        (await Client.RemoveAsync($"/api/v1/memories/{id}")).Code.Should().Be(404);
        (await Client.PutJsonAsync($"/api/v1/memories/{id}", """{"content":"x"}""")).Code.Should().Be(404);
        (await Client.PostJsonAsync($"/api/v1/memories/{id}/promote", "")).Code.Should().Be(404);
        ((string)(await Client.FetchAsync($"/api/v1/memories/{id}")).Json["error"]!).Should().Be("not found");
    }

    [Fact]
    public async Task Stats_and_namespaces_report_counts_in_contract_shape()
    {
        var ns = SingleNodeFixture.Namespace("stats");
        await Client.CreateAsync("s1", ns);
        await Client.CreateAsync("s2", ns);

        var stats = (await Client.FetchAsync("/api/v1/stats")).Json.AsObject();
        stats.Select(p => p.Key).Should().Equal("total", "by_tier", "by_namespace", "expiring_soon", "links_count", "db_size_bytes");
        ((long)stats["total"]!).Should().BeGreaterThanOrEqualTo(2);
        stats["by_namespace"]!.AsArray().Should().Contain(n => (string)n!["namespace"]! == ns && (long)n["count"]! == 2);
        ((long)stats["db_size_bytes"]!).Should().BePositive();

        var namespaces = (await Client.FetchAsync("/api/v1/namespaces")).Json["namespaces"]!.AsArray();
        namespaces.Should().Contain(n => (string)n!["namespace"]! == ns && (long)n["count"]! == 2);
    }

    [Fact]
    public async Task Recall_matches_any_sanitised_token_mutates_rows_and_respects_budget()
    {
        var ns = SingleNodeFixture.Namespace("recall");
        var id = (string)(await Client.PostJsonAsync("/api/v1/memories",
            NodeApi.Memory("nodea deployment notes", ns, "the quick brown fox"))).Json["id"]!;
        await Client.CreateAsync("unrelated", ns);

        var get = await Client.FetchAsync($"/api/v1/recall?context={Uri.EscapeDataString("node-a OR zebra")}&namespace={ns}");
        get.Code.Should().Be(200);
        ((int)get.Json["count"]!).Should().Be(1);
        var hit = get.Json["memories"]![0]!;
        ((string)hit["id"]!).Should().Be(id);
        ((double)hit["score"]!).Should().BePositive();
        ((int)hit["access_count"]!).Should().Be(1);
        hit.AsObject().Should().ContainKey("last_accessed_at");
        ((long)get.Json["tokens_used"]!).Should().BePositive();

        var post = await Client.PostJsonAsync("/api/v1/recall", $$"""{"context":"fox","namespace":"{{ns}}","budget_tokens":1}""");
        post.Code.Should().Be(200);
        ((int)post.Json["count"]!).Should().Be(0, "the only hit costs more than the budget");
        ((long)post.Json["budget_tokens"]!).Should().Be(1);

        for (var i = 0; i < 4; i++) await Client.FetchAsync($"/api/v1/recall?context=fox&namespace={ns}");
        var promoted = (await Client.FetchAsync($"/api/v1/memories/{id}")).Json["memory"]!;
        ((int)promoted["access_count"]!).Should().Be(5);
        ((string)promoted["tier"]!).Should().Be("long", "a mid row is promoted at its 5th access");

        ((int)(await Client.FetchAsync($"/api/v1/recall?context={Uri.EscapeDataString("AND OR -- ()")}")).Json["count"]!).Should().Be(0);
    }

    [Fact]
    public async Task Search_requires_every_token()
    {
        var ns = SingleNodeFixture.Namespace("search");
        await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("alpha beta", ns, "gamma"));
        await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("alpha only", ns, "delta"));

        var both = await Client.FetchAsync($"/api/v1/search?q=alpha%20gamma&namespace={ns}");
        both.Code.Should().Be(200);
        ((int)both.Json["count"]!).Should().Be(1);
        ((string)both.Json["query"]!).Should().Be("alpha gamma");
        ((int)(await Client.FetchAsync($"/api/v1/search?q=alpha&namespace={ns}")).Json["count"]!).Should().Be(2);
        (await Client.FetchAsync("/api/v1/search?q=%20")).Code.Should().Be(400);
    }

    [Fact]
    public async Task Sync_push_merges_insert_if_newer_and_since_pages_by_updated_at()
    {
        var ns = SingleNodeFixture.Namespace("sync");
        var id = Guid.NewGuid().ToString();
        string Row(string content, string updated) => $$$"""
            {"id":"{{{id}}}","tier":"mid","namespace":"{{{ns}}}","title":"pushed","content":"{{{content}}}","tags":[],"priority":5,
             "confidence":1.0,"source":"api","access_count":0,"created_at":"2026-01-01T00:00:00.000000000+00:00",
             "updated_at":"{{{updated}}}","metadata":{"agent_id":"ai:origin"}}
            """;
        var push = await Client.PostJsonAsync("/api/v1/sync/push",
            $$"""{"sender_agent_id":"host:peer","memories":[{{Row("v2", "2026-01-02T00:00:00.000000000+00:00")}}],"dry_run":false}""",
            headers: new Dictionary<string, string> { ["X-Agent-Id"] = "ai:receiver" });
        push.Code.Should().Be(200);
        ((int)push.Json["applied"]!).Should().Be(1);
        ((string)push.Json["receiver_agent_id"]!).Should().Be("ai:receiver");
        push.Json["receiver_clock"]!["entries"].Should().NotBeNull();

        var older = await Client.PostJsonAsync("/api/v1/sync/push",
            $$"""{"sender_agent_id":"host:peer","memories":[{{Row("v1", "2026-01-01T12:00:00.000000000+00:00")}}]}""");
        ((int)older.Json["applied"]!).Should().Be(1, "an idempotent re-push is still counted applied");
        ((string)(await Client.FetchAsync($"/api/v1/memories/{id}")).Json["memory"]!["content"]!).Should().Be("v2", "the older copy loses");

        var badSource = Row("v3", "2026-01-03T00:00:00.000000000+00:00").Replace("\"source\":\"api\"", "\"source\":\"probe\"");
        var skipped = await Client.PostJsonAsync("/api/v1/sync/push", $$"""{"sender_agent_id":"host:peer","memories":[{{badSource}}]}""");
        skipped.Code.Should().Be(200);
        ((int)skipped.Json["skipped"]!).Should().Be(1);

        var since = await Client.FetchAsync("/api/v1/sync/since?since=2026-01-01T23:00:00%2B00:00&limit=100000");
        since.Code.Should().Be(200);
        ((int)since.Json["limit"]!).Should().Be(10_000);
        since.Json["memories"]!.AsArray().Should().Contain(m => (string)m!["id"]! == id);
        (await Client.FetchAsync("/api/v1/sync/since?since=yesterday")).Code.Should().Be(400);
    }

    [Fact]
    public async Task Metrics_are_prometheus_text()
    {
        foreach (var path in new[] { "/metrics", "/api/v1/metrics" })
        {
            var a = await Client.FetchAsync(path);
            a.Code.Should().Be(200);
            a.ContentType.Should().Be("text/plain");
            a.Body.Should().Contain("# TYPE ai_memory_http_requests_total counter");
        }
    }

    [Fact]
    public async Task Unknown_route_is_404_and_wrong_method_is_405_with_empty_bodies()
    {
        var unknown = await Client.FetchAsync("/api/v1/nope");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.Body.Should().BeEmpty();
        var wrong = await Client.CallAsync(HttpMethod.Patch, "/api/v1/memories", "{}", "application/json", null);
        wrong.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        wrong.Body.Should().BeEmpty();
        (await Client.RemoveAsync("/api/v1/stats")).Code.Should().Be(405);
    }

    [Fact]
    public async Task Routes_match_as_axum_behind_aspnet_routing_did()
    {
        (await Client.FetchAsync("/api/v1/stats/")).Code.Should().Be(200, "a trailing slash is ignored");
        (await Client.FetchAsync("/API/V1/STATS")).Code.Should().Be(200, "literal segments ignore case");
        var head = await Client.CallAsync(HttpMethod.Head, "/api/v1/health", null, null, null);
        head.Code.Should().Be(200);
        head.Body.Should().BeEmpty();
        // GET has no literal bulk route, so {id} takes it: a memory that does not exist.
        var bulk = await Client.FetchAsync("/api/v1/memories/bulk");
        bulk.Code.Should().Be(404);
        bulk.Body.Should().Contain("not found");
        var wrong = await Client.CallAsync(HttpMethod.Patch, "/api/v1/memories", "{}", "application/json", null);
        wrong.Response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "POST");
    }
}
