using System.Text.Json.Nodes;
using FluentAssertions;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class McpToolVerdictTests
{
    private static readonly McpMemory Stored = new("ship-gate-mcp-node-a", "ShipGate MCP round trip on node-a", "ship-gate-phase1-mcp");

    private static McpCallResult Answer(string tool, string response) => McpCallResult.Read(tool, JsonNode.Parse(response)!.AsObject(), null);

    private static McpCallResult TextResult(string tool, string text) =>
        Answer(tool, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3, ["result"] = new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        } }.ToJsonString());

    private static readonly McpCallResult StoreOk =
        TextResult(McpCallResult.StoreTool, """{"id":"m-1","tier":"mid","namespace":"ship-gate-phase1-mcp","title":"ship-gate-mcp-node-a"}""");

    private static readonly McpCallResult RecallOk = TextResult(McpCallResult.RecallTool,
        """{"memories":[{"id":"m-1","title":"ship-gate-mcp-node-a","content":"x","namespace":"ship-gate-phase1-mcp","tier":"mid","score":1.0}],"count":1}""");

    private static Phase1NodeEvidence Node(McpRoundTripEvidence? rt) => new(
        "node-a", "ai-memory 0.6.0", null, 1, null, null, null, null, null, null, ["memory_store"], new Dictionary<string, string>(), 1)
    { McpRoundTrip = rt };

    private static McpRoundTripEvidence Healthy() => new(
        Stored, Phase1Criteria.McpProtocolVersion, Phase1Criteria.McpServerName, StoreOk, RecallOk, "m-1",
        new MemoryView("m-1", Stored.Title, Stored.Content, Stored.Namespace, "mid"), null);

    [Fact]
    public void AHealthyRoundTripPassesWithEveryLeg()
    {
        var (verdict, measured) = McpToolVerdicts.RoundTrip(Node(Healthy()));

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be(Phase1Criteria.McpRoundTripLegs);
        McpToolVerdicts.Initialize(Node(Healthy())).Verdict.Passed.Should().BeTrue();
    }

    [Fact]
    public void AToolCallAnsweredWithInternalErrorFailsAtTheStore()
    {
        var error = Answer(McpCallResult.StoreTool, """{"jsonrpc":"2.0","id":3,"error":{"code":-32603,"message":"Internal error: tool dispatch failed"}}""");

        var (verdict, measured) = McpToolVerdicts.RoundTrip(Node(Healthy() with { Store = error, Recall = error with { Tool = McpCallResult.RecallTool } }));

        error.ErrorCode.Should().Be(-32603);
        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("memory_store").And.Contain("-32603");
        measured.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":4,"result":{"content":[{"type":"image","data":"x"}]}}""", "not a list of text items")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"result":{"content":[]}}""", "not a list of text items")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"result":{"content":[{"type":"text","text":"boom"}],"isError":true}}""", "isError: boom")]
    [InlineData("""{"jsonrpc":"2.0","id":4}""", "neither result nor error")]
    public void AMalformedOrFailedRecallIsRed(string response, string reason)
    {
        var (verdict, _) = McpToolVerdicts.RoundTrip(Node(Healthy() with { Recall = Answer(McpCallResult.RecallTool, response) }));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("memory_recall").And.Contain(reason);
    }

    [Fact]
    public void ARecallThatDoesNotFindTheStoredTitleFails() =>
        McpToolVerdicts.RoundTrip(Node(Healthy() with { Recall = TextResult(McpCallResult.RecallTool, """{"memories":[],"count":0}""") }))
            .Verdict.Message.Should().Contain("did not find 'ship-gate-mcp-node-a'");

    [Fact]
    public void AnMcpStoreTheCliCannotReadFailsNamingTheId()
    {
        var rt = Healthy() with { ReadBack = null, ReadBackError = "ai-memory get exited 1: memory not found: m-1" };

        var (verdict, measured) = McpToolVerdicts.RoundTrip(Node(rt));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("id m-1").And.Contain("memory not found");
        measured.Should().Be(2);
    }

    [Fact]
    public void TheCliReadingOtherContentFails() =>
        McpToolVerdicts.RoundTrip(Node(Healthy() with { ReadBack = new MemoryView("m-1", Stored.Title, "other", Stored.Namespace, "mid") }))
            .Verdict.Message.Should().Contain("content 'other'");

    [Fact]
    public void NoSessionIsNoEvidence() =>
        McpToolVerdicts.RoundTrip(Node(null)).Verdict.Outcome.Should().Be(Outcome.NoEvidence);

    [Theory]
    [InlineData("2025-03-26", "ai-memory")]
    [InlineData("2024-11-05", "other-server")]
    [InlineData(null, null)]
    public void AnotherProtocolOrServerNameFails(string? protocol, string? server) =>
        McpToolVerdicts.Initialize(Node(Healthy() with { ProtocolVersion = protocol, ServerName = server })).Verdict.Outcome.Should().Be(Outcome.Fail);

    [Fact]
    public void TheStoredIdIsReadFromTheStoreTextAndRecallHitsFromJsonText()
    {
        StoreOk.Id.Should().Be("m-1");
        RecallOk.Memories.Should().ContainSingle().Which.Title.Should().Be(Stored.Title);
        TextResult(McpCallResult.RecallTool, "count:1 mode:keyword").Memories.Should().BeNull("toon_compact is not JSON");
    }
}
