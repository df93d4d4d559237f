using FluentAssertions;
using ShipGate.Contract.Versions;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

/// <summary>Exact values against the version row: the release's own pass, each drift fails with the measured value, a row that says otherwise passes.</summary>
[Trait("Category", "Unit")]
public sealed class ExactVerdictTests
{
    private static Phase1Evidence Evidence(string? served = "0.6.0", CuratorReport? curator = null, ExactValues? exact = null) => new(
        null, "img",
        [
            new("node-a", "ai-memory 0.6.0", null, 1, null, null, null, null, null,
                curator ?? new CuratorReport(1, 0, 0, true, ["no LLM client configured"]), null, new Dictionary<string, string>(), 1)
            {
                McpServerVersion = served,
            },
        ], 1)
    { Exact = exact };

    [Fact]
    public void TheReleasesAnswersPass()
    {
        ExactVerdicts.McpServerVersion(Evidence(), "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
        ExactVerdicts.CuratorDryRun(Evidence(), "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
    }

    // mcp_server_version_stale
    [Fact]
    public void AStaleServerVersionFailsWithBothVersions() =>
        ExactVerdicts.McpServerVersion(Evidence("0.5.9"), "node-a").Verdict.Message
            .Should().Contain("serverInfo.version '0.5.9', but --version prints 'ai-memory 0.6.0'");

    // version_bare_number: the line's form is version.recorded's red; the number still equals serverInfo.version.
    [Fact]
    public void ABareVersionNumberIsComparedByItsNumber()
    {
        var e = Evidence();
        e = e with { Nodes = [e.Nodes[0] with { Version = "0.6.0" }] };
        ExactVerdicts.McpServerVersion(e, "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
    }

    // curator_silent_without_llm: no error at all passes the old "none other than" rule, not this one.
    [Theory]
    [InlineData(new string[0], true, 0L, "errors [], expected exactly [no LLM client configured]")]
    [InlineData(new[] { "no LLM client configured" }, false, 0L, "dry_run false, expected true")]
    [InlineData(new[] { "no LLM client configured" }, true, 3L, "operations_attempted 3, expected 0")]
    public void EveryDriftOfTheCuratorReportFailsNamingIt(string[] errors, bool dryRun, long attempted, string named)
    {
        var judged = ExactVerdicts.CuratorDryRun(Evidence(curator: new CuratorReport(1, 0, attempted, dryRun, errors)), "node-a");

        judged.Verdict.Outcome.Should().Be(Outcome.Fail);
        judged.Verdict.Message.Should().Contain(named);
    }

    // The benign side: a row whose release gives another value is judged by it.
    [Fact]
    public void ARowThatSaysOtherwiseIsJudgedByItsOwnValues()
    {
        var row = ExactValues.V060 with { CuratorErrorsWithoutLlm = ["no LLM client configured — set a feature tier"], McpServerVersionIsCrateVersion = false };
        var curator = new CuratorReport(1, 0, 0, true, ["no LLM client configured — set a feature tier"]);

        ExactVerdicts.CuratorDryRun(Evidence(curator: curator, exact: row), "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
        ExactVerdicts.McpServerVersion(Evidence("0.5.9", exact: row), "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
        ExactVerdicts.CuratorDryRun(Evidence(exact: row), "node-a").Verdict.Outcome.Should().Be(Outcome.Fail);
    }
}
