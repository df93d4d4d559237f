using System.Text.Json.Nodes;
using FluentAssertions;
using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

/// <summary>The MCP round trip's client side against canned answers: what it sends, what it reads back.</summary>
[Trait("Category", "Unit")]
public sealed class McpRoundTripClientTests
{
    private static readonly McpMemory Memory = new("ship-gate-mcp-node-a", "round trip words", "ship-gate-phase1-mcp");

    private const string Handshake = """
        {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2024-11-05","capabilities":{},"serverInfo":{"name":"ai-memory","version":"0.6.0"}}}
        {"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"memory_store"},{"name":"memory_recall"}]}}
        """;

    private static string Result(int id, string text) => new JsonObject
    {
        ["jsonrpc"] = "2.0", ["id"] = id,
        ["result"] = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) },
    }.ToJsonString();

    private const string RecallText = """{"memories":[{"id":"m-7","title":"ship-gate-mcp-node-a","content":"round trip words"}],"count":1}""";

    private sealed class CannedShell(string mcpStdout, CommandResult get) : INodeShell
    {
        public string? Stdin { get; private set; }

        public List<IReadOnlyList<string>> Commands { get; } = [];

        public Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken ct)
        {
            Commands.Add(command);
            return Task.FromResult(get);
        }

        public Task<CommandResult> RunWithStdinAsync(IReadOnlyList<string> command, string stdin, CancellationToken ct)
        {
            Stdin = stdin;
            return Task.FromResult(new CommandResult(0, mcpStdout, ""));
        }

        public Task<byte[]> ReadFileAsync(string path, CancellationToken ct) => throw new FileNotFoundException(path);
    }

    private static CommandResult Got(string title, string content) => new(0,
        $$"""{"memory":{"id":"m-7","title":"{{title}}","content":"{{content}}","namespace":"ship-gate-phase1-mcp","tier":"mid"},"links":[]}""", "");

    [Fact]
    public async Task TheSessionStoresThenRecallsInOneProcessAndTheCliReadsTheStoredId()
    {
        var shell = new CannedShell(Handshake + "\n" + Result(3, """{"id":"m-7"}""") + "\n" + Result(4, RecallText), Got(Memory.Title, Memory.Content));

        var session = await new McpProbe(shell).RoundTripAsync(Memory, "round trip", CancellationToken.None);
        var evidence = await McpReadBack.ReadAsync(new NodeCli(shell), Memory, session, CancellationToken.None);

        var calls = shell.Stdin!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .Where(l => (string?)l["method"] == "tools/call").ToList();
        calls.Select(c => ((int)c["id"]!, (string)c["params"]!["name"]!)).Should().Equal((3, "memory_store"), (4, "memory_recall"));
        ((string)calls[0]["params"]!["arguments"]!["namespace"]!).Should().Be(Memory.Namespace);
        ((string)calls[1]["params"]!["arguments"]!["format"]!).Should().Be("json");
        shell.Commands.Should().ContainSingle().Which.Should().Equal("ai-memory", "get", "m-7", "--json");
        McpToolVerdicts.RoundTrip(new Phase1NodeEvidence("node-a", null, null, null, null, null, null, null, null, null, null,
            new Dictionary<string, string>(), 1) { McpRoundTrip = evidence }).Verdict.Outcome.Should().Be(Outcome.Pass);
        evidence.ProtocolVersion.Should().Be("2024-11-05");
    }

    [Fact]
    public async Task AStoreAnsweredInPlainTextLeavesTheRecallHitToNameTheId()
    {
        var shell = new CannedShell(Handshake + "\n" + Result(3, "stored m-7") + "\n" + Result(4, RecallText), Got(Memory.Title, Memory.Content));

        var session = await new McpProbe(shell).RoundTripAsync(Memory, "round trip", CancellationToken.None);
        var evidence = await McpReadBack.ReadAsync(new NodeCli(shell), Memory, session, CancellationToken.None);

        evidence.StoredId.Should().Be("m-7");
        evidence.ReadBack!.Title.Should().Be(Memory.Title);
    }

    [Fact]
    public async Task CallsWithoutAnAnswerAreRecordedAsSuchAndNothingIsReadBack()
    {
        var shell = new CannedShell(Handshake, Got(Memory.Title, Memory.Content));

        var session = await new McpProbe(shell).RoundTripAsync(Memory, "round trip", CancellationToken.None);
        var evidence = await McpReadBack.ReadAsync(new NodeCli(shell), Memory, session, CancellationToken.None);

        session.Store!.Problem.Should().Be("no response to this call");
        evidence.ReadBackError.Should().StartWith("no id to read");
        shell.Commands.Should().BeEmpty();
    }
}
