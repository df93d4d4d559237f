using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// v0.7.0's wire where a gate reads and writes memories: four more memory fields with their serde defaults
/// (src/models/memory.rs:413, :422, :445, :471), and POST /api/v1/memories answering every JSON body rejection with 400
/// `{"error","fields"}` (src/handlers/transport.rs:1386-1447, used by src/handlers/http.rs:344 only).
/// </summary>
public sealed class V070WireTests
{
    private static readonly string[] Added = ["reflection_depth", "memory_kind", "citations", "confidence_source"];

    [Theory]
    [InlineData("0.7.0", true)]
    [InlineData("0.6.0", false)]
    public async Task Memories_carry_v070s_added_fields_with_their_defaults(string version, bool added)
    {
        await using var node = await NodeProcess.StartAsync(env: new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version });
        var id = (string)(await node.Client.CreateAsync("fields", "wire")).Json["id"]!;
        var got = (await node.Client.FetchAsync($"/api/v1/memories/{id}")).Json;
        var memory = (got["memory"] ?? got).AsObject();
        var listed = (await node.Client.FetchAsync("/api/v1/memories?namespace=wire")).Json["memories"]![0]!.AsObject();
        foreach (var m in new[] { memory, listed })
        {
            if (!added)
            {
                m.Select(p => p.Key).Should().NotContain(Added);
                continue;
            }
            ((int)m["reflection_depth"]!).Should().Be(0);
            ((string)m["memory_kind"]!).Should().Be("observation");
            m["citations"]!.AsArray().Should().BeEmpty();
            ((string)m["confidence_source"]!).Should().Be("caller_provided");
            m.Select(p => p.Key).SkipWhile(k => k != "metadata").Skip(1).Should().Equal(Added, "serde writes them after metadata");
        }
    }

    [Fact]
    public async Task Health_and_stats_carry_the_version_fields_and_a_page_holds_up_to_1000()
    {
        await using var node = await NodeProcess.StartAsync(env: V070ServeTests.V070);
        (await node.Client.FetchAsync("/api/v1/health")).Json.ToJsonString().Should().Be(
            """{"status":"ok","service":"ai-memory","version":"0.7.0","embedder_ready":false,"federation_enabled":false}""");
        var stats = (await node.Client.FetchAsync("/api/v1/stats")).Json;
        ((int)stats["dim_violations"]!).Should().Be(0);
        ((int)stats["index_evictions_total"]!).Should().Be(0);
        var rows = string.Join(",", Enumerable.Range(0, 250).Select(i => NodeApi.Memory($"page-{i}", "page")));
        ((int)(await node.Client.PostJsonAsync("/api/v1/memories/bulk", $"[{rows}]")).Json["created"]!).Should().Be(250);
        (await node.Client.CountAsync("page")).Should().Be(200, "the test's own page asks for 200");
        ((int)(await node.Client.FetchAsync("/api/v1/memories?namespace=page&limit=5000")).Json["count"]!).Should().Be(250, "v0.6.0 stops at 200");
    }

    [Theory]
    [InlineData("""{"content":"no title","namespace":"wire"}""", "application/json", "missing required field: title", "title")]
    [InlineData("""{"title":"t","content":"c","tier":"MID"}""", "application/json", "invalid request body", null)]
    [InlineData("""{"title":"t",""", "application/json", "malformed JSON body", null)]
    [InlineData("""{"title":"t","content":"c"}""", "text/plain", "expected Content-Type: application/json", null)]
    public async Task A_create_body_the_extractor_rejects_is_400_with_fields(string body, string contentType, string error, string? field)
    {
        await using var node = await NodeProcess.StartAsync(env: V070ServeTests.V070);
        var a = await node.Client.PostJsonAsync("/api/v1/memories", body, contentType);
        a.Code.Should().Be(400, a.Body);
        a.Json.ToJsonString().Should().Be(new JsonObject
        {
            ["error"] = error, ["fields"] = new JsonArray(field is null ? [] : [(JsonNode)field]),
        }.ToJsonString());
    }

    [Fact]
    public async Task Other_routes_and_v060_keep_axums_422_and_415()
    {
        await using var v070 = await NodeProcess.StartAsync(env: V070ServeTests.V070);
        var push = await v070.Client.PostJsonAsync("/api/v1/sync/push", """{"memories":[]}""", headers: new Dictionary<string, string> { ["x-peer-id"] = "p" });
        push.Code.Should().Be(422, "only create uses the 400 extractor");
        push.ContentType.Should().Be("text/plain");

        await using var v060 = await NodeProcess.StartAsync();
        (await v060.Client.PostJsonAsync("/api/v1/memories", """{"content":"no title"}""")).Code.Should().Be(422);
        (await v060.Client.PostJsonAsync("/api/v1/memories", """{"title":"t","content":"c"}""", "text/plain")).Code.Should().Be(415);
    }
}
