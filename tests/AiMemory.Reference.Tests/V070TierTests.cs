using System.Diagnostics;
using System.Text.Json.Nodes;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The feature tier at v0.7.0 (Release/EmbedderLoad.cs): semantic, the default, tries the model (the Hugging Face
/// download, then $HOME's fallback folder) before mcp answers or serve listens, and runs keyword-only when that fails;
/// keyword skips it. `mcp --tier`, serve from config.toml's `tier`.
/// </summary>
public sealed class V070TierTests(ITestOutputHelper output)
{
    private const string Fallback = ".cache/huggingface/hub/models--sentence-transformers--all-MiniLM-L6-v2/snapshots/main";

    private static async Task<(CliResult Result, TimeSpan Took)> InitializeAsync(ScratchDir dir, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var r = await CliRunner.RunAsync(dir, ["mcp", .. args], V070ServeTests.V070,
            stdin: new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject() }.ToJsonString() + "\n");
        return (r, clock.Elapsed);
    }

    [Theory]
    [InlineData]
    [InlineData("--tier", "semantic")]
    [InlineData("--tier", "no-such-tier")]
    public async Task Semantic_tries_the_download_then_the_fallback_folder_and_serves_keyword_only(params string[] args)
    {
        using var dir = new ScratchDir("tier");
        var (r, took) = await InitializeAsync(dir, args);
        r.Stdout.Should().Contain("\"protocolVersion\":\"2024-11-05\"", "mcp answers once the load has failed");
        r.Stderr.Should().Contain("ai-memory: hf-hub download failed (")
            .And.Contain($"ai-memory: embedder failed: model files not found in fallback dir: {Path.Combine(dir.Home, Fallback)}.");
        output.WriteLine($"mcp {string.Join(' ', args)}: initialize answered after {took.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Keyword_loads_nothing_and_present_files_are_named_but_not_loaded()
    {
        using var dir = new ScratchDir("tier");
        var (keyword, took) = await InitializeAsync(dir, "--tier", "keyword");
        keyword.Stderr.Should().NotContain("hf-hub").And.NotContain("embedder");
        output.WriteLine($"mcp --tier keyword: initialize answered after {took.TotalMilliseconds:0} ms");

        var folder = Path.Combine(dir.Home, Fallback);
        Directory.CreateDirectory(folder);
        foreach (var f in new[] { "config.json", "tokenizer.json", "model.safetensors" }) await File.WriteAllTextAsync(Path.Combine(folder, f), "{}");
        var (present, _) = await InitializeAsync(dir);
        present.Stderr.Should().Contain($"model files found in {folder}, but the reference node has no embedder; keyword only");
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("tier = \"keyword\"\n", false)]
    public async Task Serve_takes_its_tier_from_the_config_file(string? config, bool attempts)
    {
        await using var node = await NodeProcess.StartAsync(config: config ?? "", env: V070ServeTests.V070);
        if (attempts) node.Stderr.Should().Contain("ai-memory: EMBEDDER LOAD FAILED — tier=semantic");
        else node.Stderr.Should().NotContain("EMBEDDER");
        output.WriteLine($"serve ({(attempts ? "semantic" : "keyword")}): healthy after {node.StartupTime.TotalMilliseconds:0} ms");
    }
}
