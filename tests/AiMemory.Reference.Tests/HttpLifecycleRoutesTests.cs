using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>The v0.6.0 routes that remove, merge, link and move rows: forget, consolidate, links, gc, export, import (contract §1.2).</summary>
public sealed class HttpLifecycleRoutesTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Forget_deletes_by_filter_archives_first_and_needs_a_filter()
    {
        var ns = SingleNodeFixture.Namespace("forget");
        await Client.CreateAsync("drop one", ns);
        await Client.CreateAsync("drop two", ns);
        await Client.CreateAsync("keep", ns + "-other");

        var byPattern = await Client.PostJsonAsync("/api/v1/forget", $$"""{"namespace":"{{ns}}","pattern":"two"}""");
        byPattern.Code.Should().Be(200);
        byPattern.Json.ToJsonString().Should().Be("""{"deleted":1}""");
        (await Client.PostJsonAsync("/api/v1/forget", $$"""{"namespace":"{{ns}}"}""")).Json.ToJsonString().Should().Be("""{"deleted":1}""");
        (await Client.CountAsync(ns)).Should().Be(0);
        (await Client.CountAsync(ns + "-other")).Should().Be(1);
        ((int)(await Client.FetchAsync($"/api/v1/archive?namespace={ns}")).Json["count"]!).Should().Be(2, "forget archives first");

        var unfiltered = await Client.PostJsonAsync("/api/v1/forget", "{}");
        unfiltered.Code.Should().Be(400);
        unfiltered.Json["error"].Should().NotBeNull();
        (await Client.PostJsonAsync("/api/v1/forget", """{"tier":"forever"}""")).Code.Should().Be(422);
    }

    [Fact]
    public async Task Consolidate_merges_into_one_long_row_answers_201_and_validates()
    {
        var ns = SingleNodeFixture.Namespace("consol");
        var a = (string)(await Client.CreateAsync("part a", ns)).Json["id"]!;
        var b = (string)(await Client.CreateAsync("part b", ns)).Json["id"]!;

        var merged = await Client.PostJsonAsync("/api/v1/consolidate",
            $$"""{"ids":["{{a}}","{{b}}"],"title":"parts","summary":"a and b together","namespace":"{{ns}}"}""",
            headers: new Dictionary<string, string> { ["X-Agent-Id"] = "ai:merger" });
        merged.Code.Should().Be(201);
        merged.Json.AsObject().Select(p => p.Key).Should().Equal("id", "consolidated");
        ((int)merged.Json["consolidated"]!).Should().Be(2);

        var row = (await Client.FetchAsync($"/api/v1/memories/{merged.Json["id"]}")).Json["memory"]!;
        ((string)row["tier"]!).Should().Be("long");
        ((string)row["source"]!).Should().Be("consolidation");
        ((string)row["content"]!).Should().Be("a and b together");
        ((string)row["metadata"]!["agent_id"]!).Should().Be("ai:merger");
        (await Client.FetchAsync($"/api/v1/memories/{a}")).Code.Should().Be(404, "the sources are merged away");

        (await Client.PostJsonAsync("/api/v1/consolidate", $$"""{"ids":["{{b}}"],"title":"t","summary":"s"}""")).Code.Should().Be(400);
        (await Client.PostJsonAsync("/api/v1/consolidate", $$"""{"ids":["{{a}}","{{b}}"],"title":"t"}""")).Code.Should().Be(422);
    }

    [Fact]
    public async Task Links_are_created_with_201_and_listed_in_both_directions()
    {
        var ns = SingleNodeFixture.Namespace("links");
        var a = (string)(await Client.CreateAsync("cause", ns)).Json["id"]!;
        var b = (string)(await Client.CreateAsync("effect", ns)).Json["id"]!;

        var linked = await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}","target_id":"{{b}}","relation":"supersedes"}""");
        linked.Code.Should().Be(201);
        linked.Json.ToJsonString().Should().Be("""{"linked":true}""");

        foreach (var id in new[] { a, b })
        {
            var links = await Client.FetchAsync($"/api/v1/links/{id}");
            links.Code.Should().Be(200);
            var link = links.Json["links"]!.AsArray().Should().ContainSingle().Subject!;
            link.AsObject().Select(p => p.Key).Should().Equal("source_id", "target_id", "relation", "created_at");
            ((string)link["source_id"]!).Should().Be(a);
            ((string)link["relation"]!).Should().Be("supersedes");
        }
        (await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}","target_id":"{{b}}","relation":"likes"}""")).Code.Should().Be(400);
        (await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}","target_id":"{{a}}"}""")).Code.Should().Be(400);
        (await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}"}""")).Code.Should().Be(422);
    }

    [Fact]
    public async Task Gc_collects_expired_rows_into_the_archive()
    {
        var ns = SingleNodeFixture.Namespace("gc");
        (await Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer", [PushedRow.Expired(ns, "stale")]))).Code.Should().Be(200);

        var gc = await Client.PostJsonAsync("/api/v1/gc", "");
        gc.Code.Should().Be(200);
        gc.Json.ToJsonString().Should().Be("""{"expired_deleted":1}""");
        var archived = (await Client.FetchAsync($"/api/v1/archive?namespace={ns}")).Json["archived"]!.AsArray();
        ((string)archived.Should().ContainSingle().Subject!["archive_reason"]!).Should().Be("ttl_expired");
        (await Client.PostJsonAsync("/api/v1/gc", "")).Json.ToJsonString().Should().Be("""{"expired_deleted":0}""");
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_node_carries_rows_and_links()
    {
        var ns = SingleNodeFixture.Namespace("export");
        var a = (string)(await Client.CreateAsync("exported a", ns)).Json["id"]!;
        var b = (string)(await Client.CreateAsync("exported b", ns)).Json["id"]!;
        await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}","target_id":"{{b}}"}""");

        var export = await Client.FetchAsync("/api/v1/export");
        export.Code.Should().Be(200);
        export.Json.AsObject().Select(p => p.Key).Should().Equal("memories", "links", "count", "exported_at");
        var rows = export.Json["memories"]!.AsArray().Where(m => (string)m!["namespace"]! == ns).Select(m => m!.DeepClone().AsObject()).ToList();
        rows.Should().HaveCount(2);
        ((int)export.Json["count"]!).Should().Be(export.Json["memories"]!.AsArray().Count);

        await using var fresh = await NodeProcess.StartAsync();
        var bad = PushedRow.Of(ns, "bad source", source: "probe");
        var import = await fresh.Client.PostJsonAsync("/api/v1/import", new JsonObject
        {
            ["memories"] = new JsonArray([.. rows, bad]), ["links"] = export.Json["links"]!.DeepClone(),
        }.ToJsonString());
        import.Code.Should().Be(200);
        ((int)import.Json["imported"]!).Should().Be(2);
        ((string)import.Json["errors"]!.AsArray().Should().ContainSingle().Subject!).Should().StartWith((string)bad["id"]! + ": ");
        ((string)(await fresh.Client.FetchAsync($"/api/v1/memories/{a}")).Json["memory"]!["title"]!).Should().Be("exported a");
        (await fresh.Client.FetchAsync($"/api/v1/links/{b}")).Json["links"]!.AsArray().Should().ContainSingle();

        var tooMany = new JsonObject { ["memories"] = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)PushedRow.Of(ns, $"r{i}")).ToArray()) };
        var rejected = await fresh.Client.PostJsonAsync("/api/v1/import", tooMany.ToJsonString());
        rejected.Code.Should().Be(400);
        ((string)rejected.Json["error"]!).Should().Be("import limited to 1000 memories");
    }
}
