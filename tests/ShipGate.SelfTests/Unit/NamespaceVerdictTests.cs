using FluentAssertions;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

/// <summary>Namespace isolation and the unknown id: the release's answers pass, a leak or another answer fails, a blind read proves nothing.</summary>
[Trait("Category", "Unit")]
public sealed class NamespaceVerdictTests
{
    private const string Own = "ship-gate-ns-own-node-a";
    private const string Other = "ship-gate-ns-other-node-a";
    private const string Unknown = "7d0c5bde-1f0e-4a43-9d0a-0d0c5bde1f0e";

    private static Phase1NodeEvidence Node(NamespaceEvidence? e) => new(
        "node-a", "ai-memory 0.6.0", null, 1, null, null, null, null, null, null, null, new Dictionary<string, string>(), 1) { Namespaces = e };

    private static NamespaceEvidence Evidence(IReadOnlyList<string>? mcpRecall = null, HttpAnswer? unknown = null) => new(
        "ship-gate-phase1-ns-own", Own, "ship-gate-phase1-ns-other", Other,
        [
            new("MCP memory_recall", mcpRecall ?? [Own], null), new("MCP memory_list", [Own], null),
            new("HTTP GET /api/v1/recall", [Own], null), new("HTTP GET /api/v1/memories", [Own], null),
        ],
        Unknown, unknown ?? new HttpAnswer(404, """{"error":"not found"}""", 1, null), null);

    [Fact]
    public void ReadsThatReturnOnlyTheirOwnNamespacePass()
    {
        var (verdict, measured) = NamespaceVerdicts.Isolated(Node(Evidence()));

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be(0);
    }

    // mcp_recall_ignores_namespace: the recall across every namespace finds both memories.
    [Fact]
    public void ARecallThatReturnsTheOtherNamespacesMemoryFailsNamingTheSurface()
    {
        var (verdict, measured) = NamespaceVerdicts.Isolated(Node(Evidence(mcpRecall: [Own, Other])));

        verdict.Outcome.Should().Be(Outcome.Fail);
        measured.Should().Be(1);
        verdict.Message.Should().Contain($"MCP memory_recall returned '{Other}' of namespace ship-gate-phase1-ns-other");
    }

    [Fact]
    public void AReadThatMissesItsOwnMemoryOrFailedIsNoEvidence()
    {
        NamespaceVerdicts.Isolated(Node(Evidence(mcpRecall: []))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        var failed = Evidence() with { Reads = [new("MCP memory_recall", null, "JSON-RPC error -32603: boom")] };
        NamespaceVerdicts.Isolated(Node(failed)).Verdict.Message.Should().Contain("MCP memory_recall: JSON-RPC error -32603");
        NamespaceVerdicts.Isolated(Node(null)).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Fact]
    public void TheContracts404PassesAndWhitespaceInTheBodyDoesNotMatter()
    {
        NamespaceVerdicts.UnknownId(Node(Evidence())).Verdict.Outcome.Should().Be(Outcome.Pass);
        NamespaceVerdicts.UnknownId(Node(Evidence(unknown: new(404, """{ "error": "not found" }""", 1, null)))).Verdict.Outcome.Should().Be(Outcome.Pass);
    }

    // http_get_unknown_answers_other: 200 with some other memory.
    [Theory]
    [InlineData(200, """{"memory":{"id":"a1","title":"ship-gate-phase1-node-a"},"links":[]}""")]
    [InlineData(404, """{"error":"memory not found"}""")]
    [InlineData(404, "")]
    [InlineData(400, """{"error":"not found"}""")]
    public void AnyOtherAnswerFailsWithTheMeasuredAnswer(int status, string body)
    {
        var (verdict, measured) = NamespaceVerdicts.UnknownId(Node(Evidence(unknown: new(status, body, 1, null))));

        verdict.Outcome.Should().Be(Outcome.Fail);
        measured.Should().Be(status);
        verdict.Message.Should().Contain($"answered {status}").And.Contain("""expected 404 {"error":"not found"}""");
    }
}
