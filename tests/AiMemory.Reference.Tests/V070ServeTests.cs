using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// AI_MEMORY_REFERENCE_VERSION=0.7.0 where a gate meets `serve` first: the version it prints (Cargo.toml:3), the
/// refusal to bind a routable address without a key (src/daemon_runtime.rs:2089-2105), and the key itself.
/// </summary>
public sealed class V070ServeTests
{
    public static readonly IReadOnlyDictionary<string, string> V070 = new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = "0.7.0" };
    private const string BindRefusal = "Error: refusing to bind to non-loopback address \"0.0.0.0\" without an API key: the daemon's api_key is unset";

    [Theory]
    [InlineData(null, "ai-memory 0.6.0")]
    [InlineData("0.6.0", "ai-memory 0.6.0")]
    [InlineData("0.7.0", "ai-memory 0.7.0")]
    public async Task Version_follows_the_release_the_node_stands_in_for(string? version, string expected)
    {
        using var dir = new ScratchDir("ver");
        var env = version is null ? null : new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version };
        var r = await CliRunner.RunAsync(dir, ["--version"], env);
        r.ExitCode.Should().Be(0, r.ToString());
        r.Stdout.Trim().Should().Be(expected);

        var mcp = await CliRunner.RunAsync(dir, ["mcp", "--tier", "keyword"], env,
            stdin: """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""" + "\n");
        mcp.Stdout.Should().Contain($"\"version\":\"{expected["ai-memory ".Length..]}\"", "serverInfo names the crate version");
    }

    [Fact]
    public async Task An_unknown_version_fails_every_command_at_start()
    {
        using var dir = new ScratchDir("ver");
        var r = await CliRunner.RunAsync(dir, ["stats", "--json"], new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = "0.8.0" });
        r.ExitCode.Should().Be(1, r.ToString());
        r.Stderr.Should().Contain("AI_MEMORY_REFERENCE_VERSION: unknown version '0.8.0'");
    }

    [Fact]
    public async Task Serve_on_a_routable_address_without_a_key_exits_with_the_release_message()
    {
        await using var node = await NodeProcess.StartAsync(["--host", "0.0.0.0"], env: V070, waitHealthy: false);
        var code = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        code.Should().Be(1, node.Stderr);
        node.Stderr.Should().StartWith(BindRefusal).And.Contain("Either set [api] api_key in config (or --api-key on the CLI) and rebind")
            .And.EndWith("(v0.7.0 fix campaign S5-C1, 2026-05-13)");
    }

    [Theory]
    [InlineData("0.7.0", "127.0.0.1", null)]
    [InlineData("0.7.0", "localhost", null)]
    [InlineData("0.7.0", "0.0.0.0", "api_key = \"k\"\n")]
    [InlineData("0.7.0", "0.0.0.0", "api_key = \"\"\n")]
    [InlineData("0.6.0", "0.0.0.0", null)]
    public async Task Loopback_a_configured_key_or_v060_serve(string version, string host, string? config)
    {
        await using var node = await NodeProcess.StartAsync(["--host", host], config: config,
            env: new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version });
        (await node.IsHealthyAsync()).Should().BeTrue();
        node.Stderr.Should().NotContain("refusing to bind");
    }

    [Fact]
    public async Task An_empty_key_is_a_key_requests_without_the_header_are_401()
    {
        await using var node = await NodeProcess.StartAsync(config: "api_key = \"\"\n", env: V070);
        (await node.Client.FetchAsync("/api/v1/stats")).Code.Should().Be(401);
        (await node.Client.FetchAsync("/api/v1/stats", new Dictionary<string, string> { ["X-API-Key"] = "" })).Code.Should().Be(200);
    }

    [Fact]
    public async Task Api_key_rejected_answers_401_to_the_configured_key()
    {
        await using var node = await NodeProcess.StartAsync(["--host", "0.0.0.0"], faults: "api_key_rejected", config: "api_key = \"k\"\n", env: V070);
        (await node.Client.FetchAsync("/api/v1/health")).Code.Should().Be(200, "health is exempt");
        var refused = await node.Client.FetchAsync("/api/v1/stats", new Dictionary<string, string> { ["X-API-Key"] = "k" });
        refused.Code.Should().Be(401);
        refused.Json.ToJsonString().Should().Be("""{"error":"missing or invalid API key"}""");
    }
}
