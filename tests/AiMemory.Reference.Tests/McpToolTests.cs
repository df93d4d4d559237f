using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>Every one of the 36 tools called once against a real store, asserting the effect, family by family.</summary>
public sealed class McpToolTests
{
    [Fact]
    public async Task Core_tools_store_recall_search_list_get_update_stats_session_start()
    {
        using var dir = new ScratchDir("core");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var id = await Store(mcp, "deploy checklist", "run the migration before the deploy", "ops");

        var recall = await mcp.CallJsonAsync("memory_recall", new JsonObject { ["context"] = "migration", ["format"] = "json" });
        recall["memories"]![0]!["id"]!.GetValue<string>().Should().Be(id);
        recall["memories"]![0]!["access_count"]!.GetValue<long>().Should().Be(1, "recall counts the access");
        // The default format is TOON compact (src/toon.rs:59-150): meta line, the fields once, one escaped row.
        var (compact, _) = await mcp.CallAsync("memory_recall", new JsonObject { ["context"] = "migration" });
        var lines = compact.Split('\n');
        lines[0].Should().MatchRegex(@"^count:1\|mode:keyword\|tokens_used:\d+$");
        lines[1].Should().Be("memories[id|title|tier|namespace|priority|score|tags|agent_id]:");
        lines[2].Should().MatchRegex($@"^{id}\|deploy checklist\|mid\|ops\|5\|[0-9.]+\|\|[^|]+$");
        lines[3].Should().BeEmpty("every row ends in a newline");
        var (full, _) = await mcp.CallAsync("memory_list", new JsonObject { ["namespace"] = "ops", ["format"] = "toon" });
        full.Split('\n')[1].Should().Be("memories[id|title|tier|namespace|priority|confidence|score|access_count|tags|source|created_at|updated_at|metadata]:");
        full.Should().Contain("\\:", "a timestamp's colons are escaped");

        (await mcp.CallJsonAsync("memory_search", new JsonObject { ["query"] = "deploy migration", ["format"] = "json" }))["count"]!
            .GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_search", new JsonObject { ["query"] = "deploy nothing", ["format"] = "json" }))["count"]!
            .GetValue<int>().Should().Be(0, "search needs every term");
        (await mcp.CallJsonAsync("memory_list", new JsonObject { ["namespace"] = "ops", ["format"] = "json" }))["count"]!
            .GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_get", new JsonObject { ["id"] = id[..8] }))["memory"]!["id"]!.GetValue<string>().Should().Be(id);

        var updated = await mcp.CallJsonAsync("memory_update", new JsonObject { ["id"] = id, ["content"] = "updated body", ["priority"] = 9 });
        updated["content"]!.GetValue<string>().Should().Be("updated body");
        updated["priority"]!.GetValue<int>().Should().Be(9);

        (await mcp.CallJsonAsync("memory_stats"))["total"]!.GetValue<long>().Should().Be(1);
        var session = await mcp.CallJsonAsync("memory_session_start", new JsonObject { ["format"] = "json" });
        session["memories"]![0]!["id"]!.GetValue<string>().Should().Be(id);
    }

    [Fact]
    public async Task Lifecycle_tools_delete_promote_forget_gc_consolidate()
    {
        using var dir = new ScratchDir("life");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var a = await Store(mcp, "alpha", "first part", "team/app");
        var b = await Store(mcp, "beta", "second part", "team/app");
        var c = await Store(mcp, "gamma", "to be deleted", "team/app");

        (await mcp.CallJsonAsync("memory_delete", new JsonObject { ["id"] = c }))["deleted"]!.GetValue<bool>().Should().BeTrue();
        (await mcp.CallAsync("memory_get", new JsonObject { ["id"] = c })).IsError.Should().BeTrue();

        (await mcp.CallJsonAsync("memory_promote", new JsonObject { ["id"] = a }))["tier"]!.GetValue<string>().Should().Be("long");
        var clone = await mcp.CallJsonAsync("memory_promote", new JsonObject { ["id"] = a, ["to_namespace"] = "team" });
        clone["namespace"]!.GetValue<string>().Should().Be("team");

        var merged = await mcp.CallJsonAsync("memory_consolidate", new JsonObject
        {
            ["ids"] = new JsonArray(a, b), ["title"] = "alpha and beta", ["summary"] = "both parts together",
        });
        var mergedRow = await mcp.CallJsonAsync("memory_get", new JsonObject { ["id"] = merged["id"]!.GetValue<string>() });
        mergedRow["memory"]!["tier"]!.GetValue<string>().Should().Be("long");
        mergedRow["memory"]!["source"]!.GetValue<string>().Should().Be("consolidation");
        (await mcp.CallAsync("memory_get", new JsonObject { ["id"] = a })).IsError.Should().BeTrue("originals are merged away");

        var dry = await mcp.CallJsonAsync("memory_forget", new JsonObject { ["namespace"] = "team", ["dry_run"] = true });
        dry["would_forget"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_forget", new JsonObject { ["namespace"] = "team" }))["deleted"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_archive_stats"))["archived_total"]!.GetValue<long>().Should().Be(1, "forget archives first");

        await Store(mcp, "expiring", "gone soon", "ttl", new JsonObject { ["ttl_secs"] = 1 });
        await Task.Delay(1500);
        (await mcp.CallJsonAsync("memory_gc", new JsonObject { ["dry_run"] = true }))["would_collect"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_gc"))["expired_deleted"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Graph_and_meta_tools_link_get_links_capabilities_and_the_honest_llm_failures()
    {
        using var dir = new ScratchDir("graph");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var a = await Store(mcp, "cause", "the cause", "g");
        var b = await Store(mcp, "effect", "the effect", "g");
        var link = await mcp.CallJsonAsync("memory_link", new JsonObject { ["source_id"] = a, ["target_id"] = b, ["relation"] = "supersedes" });
        link["linked"]!.GetValue<bool>().Should().BeTrue();
        var links = await mcp.CallJsonAsync("memory_get_links", new JsonObject { ["id"] = b });
        links["links"]![0]!["source_id"]!.GetValue<string>().Should().Be(a);
        links["links"]![0]!["relation"]!.GetValue<string>().Should().Be("supersedes");
        (await mcp.CallJsonAsync("memory_stats"))["links_count"]!.GetValue<long>().Should().Be(1);

        (await mcp.CallJsonAsync("memory_capabilities"))["version"]!.GetValue<string>().Should().Be("0.6.0");
        foreach (var (tool, args) in new (string, JsonObject)[]
                 {
                     ("memory_expand_query", new JsonObject { ["query"] = "x" }),
                     ("memory_auto_tag", new JsonObject { ["id"] = a }),
                     ("memory_detect_contradiction", new JsonObject { ["id_a"] = a, ["id_b"] = b }),
                 })
        {
            var (text, isError) = await mcp.CallAsync(tool, args);
            isError.Should().BeTrue(tool);
            text.Should().Be("no LLM client configured");
        }
    }

    [Fact]
    public async Task Archive_tools_list_restore_purge_stats()
    {
        using var dir = new ScratchDir("arch");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var keep = await Store(mcp, "restorable", "comes back", "arch");
        var drop = await Store(mcp, "purgeable", "goes away", "arch2");
        await mcp.CallJsonAsync("memory_forget", new JsonObject { ["pattern"] = "comes back" });
        await mcp.CallJsonAsync("memory_forget", new JsonObject { ["namespace"] = "arch2" });

        var listed = await mcp.CallJsonAsync("memory_archive_list");
        listed["count"]!.GetValue<int>().Should().Be(2);
        listed["archived"]![0]!["archive_reason"]!.GetValue<string>().Should().Be("forget");
        (await mcp.CallJsonAsync("memory_archive_restore", new JsonObject { ["id"] = keep }))["restored"]!.GetValue<bool>().Should().BeTrue();
        (await mcp.CallJsonAsync("memory_get", new JsonObject { ["id"] = keep }))["memory"]!["title"]!.GetValue<string>().Should().Be("restorable");
        (await mcp.CallJsonAsync("memory_archive_stats"))["by_namespace"]![0]!["namespace"]!.GetValue<string>().Should().Be("arch2");
        (await mcp.CallJsonAsync("memory_archive_purge"))["purged"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallAsync("memory_archive_restore", new JsonObject { ["id"] = drop })).IsError.Should().BeTrue();
    }

    [Fact]
    public async Task Governance_tools_standards_and_the_pending_queue()
    {
        using var dir = new ScratchDir("gov");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var policy = await Store(mcp, "policy", "writes here need approval", "gov",
            new JsonObject { ["metadata"] = new JsonObject { ["governance"] = new JsonObject { ["write"] = "approve" } } });
        var set = await mcp.CallJsonAsync("memory_namespace_set_standard", new JsonObject { ["namespace"] = "gov", ["id"] = policy });
        set["standard_id"]!.GetValue<string>().Should().Be(policy);
        var got = await mcp.CallJsonAsync("memory_namespace_get_standard", new JsonObject { ["namespace"] = "gov/child", ["inherit"] = true });
        got["standard"]!["standard_id"]!.GetValue<string>().Should().Be(policy, "a child namespace inherits the standard");

        var queued = await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "needs ok", ["content"] = "c", ["namespace"] = "gov" });
        queued["status"]!.GetValue<string>().Should().Be("pending");
        var rejectMe = await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "no", ["content"] = "c", ["namespace"] = "gov" });
        (await mcp.CallJsonAsync("memory_pending_list"))["count"]!.GetValue<int>().Should().Be(2);

        await mcp.CallJsonAsync("memory_pending_approve", new JsonObject { ["id"] = queued["pending_id"]!.GetValue<string>() });
        (await mcp.CallJsonAsync("memory_search", new JsonObject { ["query"] = "needs", ["format"] = "json" }))["count"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_pending_reject", new JsonObject { ["id"] = rejectMe["pending_id"]!.GetValue<string>() }))["rejected"]!
            .GetValue<bool>().Should().BeTrue();
        (await mcp.CallJsonAsync("memory_pending_list"))["count"]!.GetValue<int>().Should().Be(0);

        (await mcp.CallJsonAsync("memory_namespace_clear_standard", new JsonObject { ["namespace"] = "gov" }))["cleared"]!.GetValue<bool>().Should().BeTrue();
        (await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "free", ["content"] = "c", ["namespace"] = "gov" }))["id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Agent_tools_register_list_notify_inbox_and_subscriptions()
    {
        using var dir = new ScratchDir("agent");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        (await mcp.CallJsonAsync("memory_agent_register", new JsonObject { ["agent_id"] = "ai:bob", ["agent_type"] = "ai:claude" }))["registered"]!
            .GetValue<bool>().Should().BeTrue();
        var agents = await mcp.CallJsonAsync("memory_agent_list");
        agents["agents"]![0]!["agent_id"]!.GetValue<string>().Should().Be("ai:bob");
        (await mcp.CallJsonAsync("memory_list", new JsonObject { ["namespace"] = "_agents", ["format"] = "json" }))["count"]!.GetValue<int>().Should().Be(1);

        await mcp.CallJsonAsync("memory_notify", new JsonObject { ["target_agent_id"] = "ai:bob", ["title"] = "hello", ["payload"] = "ping from tests" });
        var inbox = await mcp.CallJsonAsync("memory_inbox", new JsonObject { ["agent_id"] = "ai:bob" });
        inbox["messages"]![0]!["payload"]!.GetValue<string>().Should().Be("ping from tests");
        inbox["messages"]![0]!["from"]!.GetValue<string>().Should().StartWith("ai:tests@");

        var sub = await mcp.CallJsonAsync("memory_subscribe", new JsonObject { ["url"] = "http://127.0.0.1:9/hook", ["events"] = "store" });
        (await mcp.CallJsonAsync("memory_list_subscriptions"))["count"]!.GetValue<int>().Should().Be(1);
        (await mcp.CallJsonAsync("memory_unsubscribe", new JsonObject { ["id"] = sub["id"]!.GetValue<string>() }))["removed"]!.GetValue<bool>().Should()
            .BeTrue();
        (await mcp.CallJsonAsync("memory_list_subscriptions"))["count"]!.GetValue<int>().Should().Be(0);
        (await mcp.CallAsync("memory_subscribe", new JsonObject { ["url"] = "ftp://x" })).IsError.Should().BeTrue();
    }

    private static async Task<string> Store(McpClient mcp, string title, string content, string ns, JsonObject? extra = null)
    {
        var args = new JsonObject { ["title"] = title, ["content"] = content, ["namespace"] = ns };
        foreach (var (k, v) in extra ?? new JsonObject()) args[k] = v?.DeepClone();
        return (await mcp.CallJsonAsync("memory_store", args))["id"]!.GetValue<string>();
    }
}
