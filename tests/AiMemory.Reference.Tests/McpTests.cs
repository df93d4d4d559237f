using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>The stdio MCP server (contract §4): handshake, JSON-RPC errors, the 36-tool catalogue and prompts.</summary>
public sealed class McpTests
{
    /// <summary>The v0.6.0 tools/list, in order, with each tool's required arguments.</summary>
    public static readonly (string Name, string[] Required)[] Catalogue =
    [
        ("memory_store", ["title", "content"]), ("memory_recall", ["context"]), ("memory_search", ["query"]), ("memory_list", []),
        ("memory_delete", ["id"]), ("memory_promote", ["id"]), ("memory_forget", []), ("memory_stats", []), ("memory_update", ["id"]),
        ("memory_get", ["id"]), ("memory_link", ["source_id", "target_id"]), ("memory_get_links", ["id"]),
        ("memory_consolidate", ["ids", "title"]), ("memory_capabilities", []), ("memory_expand_query", ["query"]),
        ("memory_auto_tag", ["id"]), ("memory_detect_contradiction", ["id_a", "id_b"]), ("memory_archive_list", []),
        ("memory_archive_restore", ["id"]), ("memory_archive_purge", []), ("memory_archive_stats", []), ("memory_gc", []),
        ("memory_session_start", []), ("memory_namespace_set_standard", ["namespace", "id"]),
        ("memory_namespace_get_standard", ["namespace"]), ("memory_namespace_clear_standard", ["namespace"]),
        ("memory_pending_list", []), ("memory_pending_approve", ["id"]), ("memory_pending_reject", ["id"]),
        ("memory_agent_register", ["agent_id", "agent_type"]), ("memory_agent_list", []),
        ("memory_notify", ["target_agent_id", "title", "payload"]), ("memory_inbox", []), ("memory_subscribe", ["url"]),
        ("memory_unsubscribe", ["id"]), ("memory_list_subscriptions", []),
    ];

    [Fact]
    public async Task Initialize_returns_the_exact_v060_result_and_notifications_get_no_reply()
    {
        using var dir = new ScratchDir("mcp");
        await using var mcp = McpClient.Start(dir);
        var init = await mcp.RequestAsync("initialize", new JsonObject { ["protocolVersion"] = "2024-11-05" });
        init["result"]!.ToJsonString().Should().Be(
            """{"protocolVersion":"2024-11-05","capabilities":{"tools":{},"prompts":{}},"serverInfo":{"name":"ai-memory","version":"0.6.0"}}""");

        await mcp.SendRawAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await mcp.SendRawAsync("""{"jsonrpc":"2.0","id":null,"method":"tools/list"}""");
        await mcp.SendRawAsync("");
        var ping = await mcp.RequestAsync("ping");
        ping["result"]!.ToJsonString().Should().Be("{}", "the next line answers ping: the notifications were silent");
        (await mcp.CloseAsync()).Should().Be(0, "mcp exits 0 at EOF");
    }

    [Fact]
    public async Task Protocol_errors_use_the_json_rpc_codes()
    {
        using var dir = new ScratchDir("rpc");
        await using var mcp = McpClient.Start(dir);
        await mcp.SendRawAsync("{not json");
        var parse = await mcp.ReadAsync();
        parse["error"]!["code"]!.GetValue<int>().Should().Be(-32700);
        parse["id"].Should().BeNull();

        await mcp.SendRawAsync("""{"jsonrpc":"1.0","id":7,"method":"ping"}""");
        (await mcp.ReadAsync())["error"]!["code"]!.GetValue<int>().Should().Be(-32600);
        (await mcp.RequestAsync("no/such"))["error"]!["code"]!.GetValue<int>().Should().Be(-32601);
        (await mcp.RequestAsync("tools/call", new JsonObject()))["error"]!["code"]!.GetValue<int>().Should().Be(-32602);
        (await mcp.RequestAsync("prompts/get", new JsonObject()))["error"]!["code"]!.GetValue<int>().Should().Be(-32602);

        var (text, isError) = await mcp.CallAsync("memory_no_such_tool");
        isError.Should().BeTrue("an unknown tool is a tool failure, not a protocol error");
        text.Should().Contain("unknown tool");
    }

    [Fact]
    public async Task Tools_list_returns_the_36_tools_in_order_with_their_required_arguments()
    {
        using var dir = new ScratchDir("list");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var tools = (await mcp.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray();
        tools.Select(t => t!["name"]!.GetValue<string>()).Should().Equal(Catalogue.Select(c => c.Name));
        foreach (var (tool, expected) in tools.Zip(Catalogue))
        {
            tool!["description"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            tool["inputSchema"]!["type"]!.GetValue<string>().Should().Be("object");
            var required = tool["inputSchema"]!["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [];
            required.Should().Equal(expected.Required, $"required arguments of {expected.Name}");
            var properties = tool["inputSchema"]!["properties"]!.AsObject().Select(p => p.Key);
            expected.Required.Should().BeSubsetOf(properties, $"every required argument of {expected.Name} is described");
        }
    }

    [Fact]
    public async Task Prompts_list_and_get()
    {
        using var dir = new ScratchDir("prompt");
        await using var mcp = await McpClient.StartInitializedAsync(dir);
        var prompts = (await mcp.RequestAsync("prompts/list"))["result"]!["prompts"]!.AsArray();
        prompts.Select(p => p!["name"]!.GetValue<string>()).Should().Equal("recall-first", "memory-workflow");
        var get = await mcp.RequestAsync("prompts/get", new JsonObject { ["name"] = "recall-first" });
        get["result"]!["messages"]![0]!["content"]!["text"]!.GetValue<string>().Should().Contain("memory_recall");
    }

    [Fact]
    public async Task Mcp_writes_use_source_claude_namespace_global_and_are_visible_to_the_cli()
    {
        using var dir = new ScratchDir("share");
        await using (var mcp = await McpClient.StartInitializedAsync(dir))
        {
            var stored = await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "from mcp", ["content"] = "shared row" });
            stored["namespace"]!.GetValue<string>().Should().Be("global");
            stored["agent_id"]!.GetValue<string>().Should().StartWith("ai:tests@");
            await mcp.CloseAsync();
        }
        var listed = await CliRunner.RunAsync(dir, "list", "--json");
        listed.Json["memories"]![0]!["source"]!.GetValue<string>().Should().Be("claude");
    }
}
