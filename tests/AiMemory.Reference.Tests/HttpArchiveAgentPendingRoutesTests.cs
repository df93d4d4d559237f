using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>The v0.6.0 archive, agent registry and governance-queue routes (contract §1.2).</summary>
public sealed class HttpArchiveAgentPendingRoutesTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    private static readonly string[] ArchivedFields =
    [
        "id", "tier", "namespace", "title", "content", "tags", "priority", "confidence", "source", "access_count", "created_at",
        "updated_at", "last_accessed_at", "expires_at", "archived_at", "archive_reason", "metadata",
    ];

    [Fact]
    public async Task Archive_lists_counts_restores_and_purges()
    {
        var ns = SingleNodeFixture.Namespace("arch");
        var keep = (string)(await Client.CreateAsync("restorable", ns)).Json["id"]!;
        await Client.CreateAsync("purgeable", ns);
        await Client.PostJsonAsync("/api/v1/forget", $$"""{"namespace":"{{ns}}"}""");

        var list = await Client.FetchAsync($"/api/v1/archive?namespace={ns}");
        list.Code.Should().Be(200);
        ((int)list.Json["count"]!).Should().Be(2);
        var item = list.Json["archived"]![0]!.AsObject();
        item.Select(p => p.Key).Should().Equal(ArchivedFields);
        item["tags"]!.GetValue<string>().Should().Be("[]", "v0.6.0 lists the stored tags text as it is");
        item["last_accessed_at"].Should().BeNull();

        var stats = await Client.FetchAsync("/api/v1/archive/stats");
        stats.Code.Should().Be(200);
        stats.Json.AsObject().Select(p => p.Key).Should().Equal("archived_total", "by_namespace");
        stats.Json["by_namespace"]!.AsArray().Should().Contain(n => (string)n!["namespace"]! == ns && (int)n["count"]! == 2);

        var restored = await Client.PostJsonAsync($"/api/v1/archive/{keep}/restore", "");
        restored.Code.Should().Be(200);
        restored.Json.ToJsonString().Should().Be($$"""{"restored":true,"id":"{{keep}}"}""");
        var row = (await Client.FetchAsync($"/api/v1/memories/{keep}")).Json["memory"]!.AsObject();
        ((string)row["tier"]!).Should().Be("long", "a restored row comes back long-term");
        row.Should().NotContainKey("expires_at");
        var again = await Client.PostJsonAsync($"/api/v1/archive/{keep}/restore", "");
        again.Code.Should().Be(404);
        ((string)again.Json["error"]!).Should().Be("not found in archive");

        (await Client.RemoveAsync("/api/v1/archive?older_than_days=1")).Json.ToJsonString().Should().Be("""{"purged":0}""", "nothing is a day old");
        var purged = await Client.RemoveAsync("/api/v1/archive");
        purged.Code.Should().Be(200);
        ((int)purged.Json["purged"]!).Should().BeGreaterThanOrEqualTo(1);
        ((int)(await Client.FetchAsync($"/api/v1/archive?namespace={ns}")).Json["count"]!).Should().Be(0);
    }

    [Fact]
    public async Task Agents_register_with_201_refresh_and_list()
    {
        var agent = "ai:" + SingleNodeFixture.Namespace("agent");
        var registered = await Client.PostJsonAsync("/api/v1/agents",
            $$"""{"agent_id":"{{agent}}","agent_type":"ai:claude","capabilities":["recall","store"]}""");
        registered.Code.Should().Be(201);
        registered.Json.AsObject().Select(p => p.Key).Should().Equal("registered", "id", "agent_id", "agent_type", "capabilities");
        ((string)registered.Json["agent_id"]!).Should().Be(agent);

        var list = await Client.FetchAsync("/api/v1/agents");
        list.Code.Should().Be(200);
        list.Json.AsObject().Select(p => p.Key).Should().Equal("count", "agents");
        var entry = list.Json["agents"]!.AsArray().Single(a => (string)a!["agent_id"]! == agent)!;
        entry.AsObject().Select(p => p.Key).Should().Equal("agent_id", "agent_type", "capabilities", "registered_at", "last_seen_at");
        var firstSeen = (string)entry["registered_at"]!;

        var again = await Client.PostJsonAsync("/api/v1/agents", $$"""{"agent_id":"{{agent}}","agent_type":"human"}""");
        ((string)again.Json["id"]!).Should().Be((string)registered.Json["id"]!, "re-registration refreshes the same row");
        var refreshed = (await Client.FetchAsync("/api/v1/agents")).Json["agents"]!.AsArray().Single(a => (string)a!["agent_id"]! == agent)!;
        ((string)refreshed["registered_at"]!).Should().Be(firstSeen);
        ((string)refreshed["agent_type"]!).Should().Be("human");

        (await Client.PostJsonAsync("/api/v1/agents", """{"agent_id":"bad id","agent_type":"human"}""")).Code.Should().Be(400);
        (await Client.PostJsonAsync("/api/v1/agents", $$"""{"agent_id":"{{agent}}"}""")).Code.Should().Be(422);
    }

    [Fact]
    public async Task Pending_actions_are_listed_approved_and_rejected_over_http()
    {
        var ns = SingleNodeFixture.Namespace("gov");
        using var dir = new ScratchDir("pending");
        await using var mcp = await McpClient.StartInitializedAsync(dir, new Dictionary<string, string> { ["AI_MEMORY_DB"] = fixture.Node.DbPath });
        var policy = (await mcp.CallJsonAsync("memory_store", new JsonObject
        {
            ["title"] = "policy", ["content"] = "writes need approval", ["namespace"] = ns,
            ["metadata"] = new JsonObject { ["governance"] = new JsonObject { ["write"] = "approve" } },
        }))["id"]!.GetValue<string>();
        await mcp.CallJsonAsync("memory_namespace_set_standard", new JsonObject { ["namespace"] = ns, ["id"] = policy });
        var approveMe = (await mcp.CallJsonAsync("memory_store",
            new JsonObject { ["title"] = "ok me", ["content"] = "c", ["namespace"] = ns }))["pending_id"]!.GetValue<string>();
        var rejectMe = (await mcp.CallJsonAsync("memory_store",
            new JsonObject { ["title"] = "not me", ["content"] = "c", ["namespace"] = ns }))["pending_id"]!.GetValue<string>();

        var list = await Client.FetchAsync("/api/v1/pending?status=pending");
        list.Code.Should().Be(200);
        list.Json.AsObject().Select(p => p.Key).Should().Equal("count", "pending");
        list.Json["pending"]!.AsArray().Select(p => (string)p!["id"]!).Should().Contain([approveMe, rejectMe]);
        list.Json["pending"]![0]!.AsObject().Select(p => p.Key).Should().Equal("id", "action_type", "memory_id", "namespace", "payload",
            "requested_by", "requested_at", "status", "decided_by", "decided_at", "approvals");

        var boss = new Dictionary<string, string> { ["X-Agent-Id"] = "ai:boss" };
        var approved = await Client.PostJsonAsync($"/api/v1/pending/{approveMe}/approve", "", headers: boss);
        approved.Code.Should().Be(200);
        approved.Json.AsObject().Select(p => p.Key).Should().Equal("approved", "id", "decided_by", "executed", "memory_id");
        ((string)approved.Json["decided_by"]!).Should().Be("ai:boss");
        var stored = (await Client.FetchAsync($"/api/v1/memories/{approved.Json["memory_id"]}")).Json["memory"]!;
        ((string)stored["title"]!).Should().Be("ok me", "approval performs the queued store");

        var rejected = await Client.PostJsonAsync($"/api/v1/pending/{rejectMe}/reject", "", headers: boss);
        rejected.Code.Should().Be(200);
        rejected.Json.ToJsonString().Should().Be($$"""{"rejected":true,"id":"{{rejectMe}}","decided_by":"ai:boss"}""");
        (await Client.PostJsonAsync($"/api/v1/pending/{rejectMe}/reject", "")).Code.Should().Be(404, "already decided");
        (await Client.PostJsonAsync($"/api/v1/pending/{rejectMe}/approve", "")).Code.Should().Be(404);

        var decided = (await Client.FetchAsync("/api/v1/pending")).Json["pending"]!.AsArray();
        decided.Single(p => (string)p!["id"]! == approveMe)!["status"]!.GetValue<string>().Should().Be("approved");
        decided.Single(p => (string)p!["id"]! == rejectMe)!["status"]!.GetValue<string>().Should().Be("rejected");
    }
}
