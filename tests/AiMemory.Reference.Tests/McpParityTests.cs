using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>MCP tools that share an HTTP route's logic answer what the route answers (same body, same fields).</summary>
public sealed class McpParityTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    private Task<McpClient> Mcp(ScratchDir dir) =>
        McpClient.StartInitializedAsync(dir, new Dictionary<string, string> { ["AI_MEMORY_DB"] = fixture.Node.DbPath });

    private async Task<string> Create(string title, string ns) => (string)(await Client.CreateAsync(title, ns)).Json["id"]!;

    [Fact]
    public async Task Forget_gc_and_links_answer_alike()
    {
        using var dir = new ScratchDir("parity1");
        await using var mcp = await Mcp(dir);
        var (nsHttp, nsMcp) = (SingleNodeFixture.Namespace("pf-h"), SingleNodeFixture.Namespace("pf-m"));
        await Create("x", nsHttp);
        await Create("x", nsMcp);
        var http = (await Client.PostJsonAsync("/api/v1/forget", $$"""{"namespace":"{{nsHttp}}"}""")).Json;
        (await mcp.CallJsonAsync("memory_forget", new JsonObject { ["namespace"] = nsMcp })).ToJsonString().Should().Be(http.ToJsonString());

        await Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:p", [PushedRow.Expired(nsHttp, "old")]));
        var gcHttp = (await Client.PostJsonAsync("/api/v1/gc", "")).Json;
        await Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:p", [PushedRow.Expired(nsMcp, "old")]));
        (await mcp.CallJsonAsync("memory_gc")).ToJsonString().Should().Be(gcHttp.ToJsonString());

        var (a, b, c) = (await Create("a", nsHttp), await Create("b", nsHttp), await Create("c", nsHttp));
        var linkHttp = (await Client.PostJsonAsync("/api/v1/links", $$"""{"source_id":"{{a}}","target_id":"{{b}}"}""")).Json;
        (await mcp.CallJsonAsync("memory_link", new JsonObject { ["source_id"] = a, ["target_id"] = c })).ToJsonString()
            .Should().Be(linkHttp.ToJsonString());
        (await mcp.CallJsonAsync("memory_get_links", new JsonObject { ["id"] = a })).ToJsonString()
            .Should().Be((await Client.FetchAsync($"/api/v1/links/{a}")).Json.ToJsonString());
    }

    [Fact]
    public async Task Archive_and_consolidate_answer_alike()
    {
        using var dir = new ScratchDir("parity2");
        await using var mcp = await Mcp(dir);
        var ns = SingleNodeFixture.Namespace("pa");
        var (one, two) = (await Create("one", ns), await Create("two", ns));
        await Client.PostJsonAsync("/api/v1/forget", $$"""{"namespace":"{{ns}}"}""");

        (await mcp.CallJsonAsync("memory_archive_list", new JsonObject { ["namespace"] = ns })).ToJsonString()
            .Should().Be((await Client.FetchAsync($"/api/v1/archive?namespace={ns}")).Json.ToJsonString());
        (await mcp.CallJsonAsync("memory_archive_stats")).ToJsonString()
            .Should().Be((await Client.FetchAsync("/api/v1/archive/stats")).Json.ToJsonString());
        var restoreHttp = (await Client.PostJsonAsync($"/api/v1/archive/{one}/restore", "")).Json;
        var restoreMcp = await mcp.CallJsonAsync("memory_archive_restore", new JsonObject { ["id"] = two });
        restoreMcp.ToJsonString().Should().Be(restoreHttp.ToJsonString().Replace(one, two));

        var x = await Create("x", ns);
        var y = await Create("y", ns);
        var consolidateHttp = (await Client.PostJsonAsync("/api/v1/consolidate",
            $$"""{"ids":["{{one}}","{{two}}"],"title":"merged http","summary":"s","namespace":"{{ns}}"}""")).Json.AsObject();
        var consolidateMcp = (await mcp.CallJsonAsync("memory_consolidate", new JsonObject
        {
            ["ids"] = new JsonArray(x, y), ["title"] = "merged mcp", ["summary"] = "s", ["namespace"] = ns,
        })).AsObject();
        consolidateMcp.Select(p => p.Key).Should().Equal(consolidateHttp.Select(p => p.Key));
        ((int)consolidateMcp["consolidated"]!).Should().Be(2);
    }

    [Fact]
    public async Task Agents_and_the_pending_queue_answer_alike()
    {
        using var dir = new ScratchDir("parity3");
        await using var mcp = await Mcp(dir);
        var agent = "ai:" + SingleNodeFixture.Namespace("pa-agent");
        var registerHttp = (await Client.PostJsonAsync("/api/v1/agents", $$"""{"agent_id":"{{agent}}","agent_type":"human"}""")).Json;
        var registerMcp = await mcp.CallJsonAsync("memory_agent_register", new JsonObject { ["agent_id"] = agent, ["agent_type"] = "human" });
        registerMcp.ToJsonString().Should().Be(registerHttp.ToJsonString(), "re-registering answers with the same row");
        (await mcp.CallJsonAsync("memory_agent_list")).ToJsonString().Should().Be((await Client.FetchAsync("/api/v1/agents")).Json.ToJsonString());
        (await mcp.CallJsonAsync("memory_pending_list", new JsonObject { ["status"] = "rejected" })).ToJsonString()
            .Should().Be((await Client.FetchAsync("/api/v1/pending?status=rejected")).Json.ToJsonString());
    }
}
