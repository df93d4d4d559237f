using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// `ai-memory mcp` at AI_MEMORY_REFERENCE_VERSION=0.7.0: tools/list by profile (src/profile.rs: core 7 + the always-on
/// memory_capabilities, full 71), in registry order with the release's names, descriptions and schemas
/// (src/mcp/registry.rs), optional parameters trimmed unless AI_MEMORY_TOOLS_VERBOSE (registry.rs:38-108, :310-340), and
/// calls outside the profile refused as JSON-RPC −32601 (src/mcp/mod.rs:809-832).
/// </summary>
public sealed class V070McpTests
{
    private static readonly string[] Core =
        ["memory_store", "memory_recall", "memory_search", "memory_list", "memory_load_family", "memory_smart_load", "memory_get", "memory_capabilities"];

    private static Dictionary<string, string> V070With(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string>(V070ServeTests.V070);
        foreach (var (name, value) in extra) env[name] = value;
        return env;
    }

    private static async Task<List<JsonObject>> ToolsAsync(ScratchDir dir, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        await using var mcp = McpClient.Start(dir, env, args);
        await mcp.RequestAsync("initialize", new JsonObject());
        var list = await mcp.RequestAsync("tools/list");
        return [.. list["result"]!["tools"]!.AsArray().OfType<JsonObject>()];
    }

    private static List<string> Names(IEnumerable<JsonObject> tools) => [.. tools.Select(t => (string)t["name"]!)];

    [Fact]
    public async Task The_default_profile_is_core_eight_tools_in_registry_order()
    {
        using var dir = new ScratchDir("core");
        var tools = await ToolsAsync(dir, V070With());
        Names(tools).Should().Equal(Core);
        var store = tools.Single(t => (string)t["name"]! == "memory_store");
        ((string)store["description"]!).Should().Be("Store a memory; deduplicates by title+namespace.");
        store["inputSchema"]!["properties"]!.AsObject().Select(p => p.Key).Should().Equal("title", "content", "namespace");
        store["inputSchema"]!["required"]!.AsArray().Select(r => (string)r!).Should().Equal("title", "content");
    }

    [Fact]
    public async Task Full_lists_71_tools_holding_every_v060_name()
    {
        using var dir = new ScratchDir("full");
        var v060 = Names(await ToolsAsync(dir, null));
        v060.Should().HaveCount(36);
        var full = Names(await ToolsAsync(dir, V070With(("AI_MEMORY_PROFILE", "full"))));
        full.Should().HaveCount(71).And.OnlyHaveUniqueItems().And.Contain(v060);
    }

    [Theory]
    [InlineData("graph", 19)]
    [InlineData("admin", 21)]
    [InlineData("power", 30)]
    [InlineData("archive", 12)]
    [InlineData("graph,archive", 23)]
    public async Task Named_and_custom_profiles_add_their_families_to_core(string profile, int count)
    {
        using var dir = new ScratchDir("prof");
        var tools = Names(await ToolsAsync(dir, V070With(), "--profile", profile));
        tools.Should().HaveCount(count).And.Contain(Core);
    }

    [Fact]
    public async Task The_config_file_profile_applies_when_neither_flag_nor_env_names_one()
    {
        using var dir = new ScratchDir("cfg");
        var config = Path.Combine(dir.Home, ".config", "ai-memory", "config.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        await File.WriteAllTextAsync(config, "[mcp]\nprofile = \"graph\"\n");
        (await ToolsAsync(dir, V070With())).Should().HaveCount(19);
        (await ToolsAsync(dir, V070With(("AI_MEMORY_PROFILE", "core")))).Should().HaveCount(8, "the environment wins over the file");
    }

    [Fact]
    public async Task Verbose_keeps_every_optional_parameter()
    {
        using var dir = new ScratchDir("verbose");
        var store = (await ToolsAsync(dir, V070With(("AI_MEMORY_TOOLS_VERBOSE", "1")))).Single(t => (string)t["name"]! == "memory_store");
        store["inputSchema"]!["properties"]!.AsObject().Select(p => p.Key).Should().Equal(
            "title", "content", "tier", "namespace", "tags", "priority", "confidence", "source", "metadata", "agent_id", "scope", "on_conflict", "kind");
    }

    [Theory]
    [InlineData("Core", "profile 'Core' contains uppercase letters")]
    [InlineData("core,bogus", "unknown profile or family 'bogus'. Valid profiles: core, graph, admin, power, full. Valid families: core, lifecycle,")]
    public async Task An_invalid_profile_exits_2_naming_it(string profile, string message)
    {
        using var dir = new ScratchDir("bad");
        var r = await CliRunner.RunAsync(dir, ["mcp"], V070With(("AI_MEMORY_PROFILE", profile)), stdin: "");
        r.ExitCode.Should().Be(2, r.ToString());
        r.Stderr.Should().Contain($"ai-memory mcp: invalid profile: {message}");
    }

    [Fact]
    public async Task A_tool_outside_the_profile_is_method_not_found_with_a_hint_and_core_tools_work()
    {
        using var dir = new ScratchDir("call");
        await using var mcp = await McpClient.StartInitializedAsync(dir, V070With());
        var refused = await mcp.RequestAsync("tools/call", new JsonObject { ["name"] = "memory_link", ["arguments"] = new JsonObject() });
        ((int)refused["error"]!["code"]!).Should().Be(-32601);
        ((string)refused["error"]!["message"]!).Should().StartWith("tool 'memory_link' is in family 'graph' which is not loaded");

        var stored = await mcp.CallJsonAsync("memory_store", new JsonObject { ["title"] = "v070 mcp", ["content"] = "kept", ["namespace"] = "mcp070" });
        var recall = await mcp.CallJsonAsync("memory_recall", new JsonObject { ["context"] = "kept", ["format"] = "json" });
        ((string)recall["memories"]![0]!["id"]!).Should().Be((string)stored["id"]!);
        var (text, isError) = await mcp.CallAsync("memory_load_family", new JsonObject { ["family"] = "core" });
        isError.Should().BeTrue();
        text.Should().Contain("does not implement", "a listed v0.7.0 tool the reference node lacks says so");
    }
}
