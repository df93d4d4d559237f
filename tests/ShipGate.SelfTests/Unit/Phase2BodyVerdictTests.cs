using FluentAssertions;
using ShipGate.Fixtures.Client;
using static ShipGate.SelfTests.Unit.Phase2Samples;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class Phase2BodyVerdictTests
{
    private const string V060Body = """{"error":"quorum_not_met","got":1,"needed":2,"reason":"timeout"}""";

    private static Phase2Evidence WithProbes(ProbeResult? probe1 = null, ProbeResult? probe2 = null) =>
        Evidence(Statuses(10), probe1: probe1, probe2: probe2) with { QuorumWrites = 2 };

    [Fact]
    public void V060s503BodyPasses()
    {
        var (verdict, measured) = ProbeBodyVerdicts.QuorumNotMetBody(WithProbes(probe2: Probe(503, V060Body, "2", "quorum_not_met")));

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be("got 1, needed 2, reason timeout, Retry-After 2");
    }

    [Theory]
    [InlineData("""{"error":"quorum_not_met","got":0,"needed":1,"reason":"timeout"}""", "2", "needed = 1, the request's W is 2")]
    [InlineData("""{"error":"quorum_not_met","got":2,"needed":2,"reason":"timeout"}""", "2", "got = 2 with both peers down")]
    [InlineData(V060Body, "soon", "Retry-After 'soon'")]
    [InlineData(V060Body, "0", "Retry-After '0'")]
    [InlineData(V060Body, "-2", "Retry-After '-2'")]
    [InlineData(V060Body, null, "Retry-After 'none'")]
    [InlineData(V060Body, "5", "Retry-After '5', the row says 2")]
    [InlineData("""{"error":"quorum_not_met","got":1,"needed":2,"reason":"quorum_timeout"}""", "2", "reason 'quorum_timeout' with both peers down")]
    [InlineData("quorum not met", "2", "not quorum_not_met JSON")]
    public void A503BodyThatDoesNotDescribeTheRequestFails(string body, string? retryAfter, string reason)
    {
        var (verdict, _) = ProbeBodyVerdicts.QuorumNotMetBody(WithProbes(probe2: Probe(503, body, retryAfter, "quorum_not_met")));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain(reason);
    }

    // quorum_reason_unreachable: the other of v0.6.0's two public reasons is as good as the first.
    [Fact]
    public void UnreachableIsAReasonTheRowAllows() =>
        ProbeBodyVerdicts.QuorumNotMetBody(WithProbes(probe2: Probe(503, V060Body.Replace("timeout", "unreachable"), "2", "quorum_not_met")))
            .Verdict.Outcome.Should().Be(Outcome.Pass);

    // A row whose release answers otherwise is judged by its own values.
    [Fact]
    public void ARowThatSaysOtherwiseIsJudgedByItsOwnValues()
    {
        var row = ShipGate.Contract.Versions.ExactValues.V060 with { QuorumAcksAreLiveNodes = false, QuorumRetryAfterSeconds = 5 };
        ProbeBodyVerdicts.Probe1Acks(WithProbes(probe1: Probe(201, """{"id":"x","quorum_acks":3}""", null)) with { Exact = row })
            .Verdict.Outcome.Should().Be(Outcome.Pass);
        ProbeBodyVerdicts.QuorumNotMetBody(WithProbes(probe2: Probe(503, V060Body, "5", "quorum_not_met")) with { Exact = row })
            .Verdict.Outcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void NoProbeOrAnotherStatusIsNoEvidenceForTheBody()
    {
        ProbeBodyVerdicts.QuorumNotMetBody(WithProbes(probe2: Probe(201, "{}", null))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        ProbeBodyVerdicts.QuorumNotMetBody(WithProbes() with { Probe2 = null }).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Theory]
    [InlineData("""{"id":"x","quorum_acks":2}""", Outcome.Pass)]
    [InlineData("""{"id":"x","quorum_acks":1}""", Outcome.Fail)]
    [InlineData("""{"id":"x","quorum_acks":3}""", Outcome.Fail)]
    [InlineData("""{"id":"x"}""", Outcome.Fail)]
    public void Probe1sCreatedBodyMustClaimTheNodesUp(string body, Outcome outcome) =>
        ProbeBodyVerdicts.Probe1Acks(WithProbes(probe1: Probe(201, body, null))).Verdict.Outcome.Should().Be(outcome);

    [Fact]
    public void RowsCarryingWhatWasSentPass()
    {
        var node = Node("node-b", ["t1", "t2"], 2) with { ContentChecked = 2 };

        var (verdict, measured) = ContentVerdicts.SameAsSent(node);

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be(0);
    }

    [Fact]
    public void ARowHeldWithOtherContentFailsNamingTitleAndBothTexts()
    {
        var sent = new SentMemory("t1", "phase 2 federation write 1", "ship-gate-phase2", "mid");
        var held = new MemoryRow("id", "t1", "ship-gate-phase2", "mid", "api", "phase 2 federation write 1 (pushed)");
        var node = Node("node-c", ["t1", "t2"], 2) with { ContentChecked = 2, ContentMismatches = [.. sent.Compare(held)] };

        var (verdict, measured) = ContentVerdicts.SameAsSent(node);

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("1 of 2 acknowledged rows on node-c").And.Contain("t1 content 'phase 2 federation write 1 (pushed)'");
        measured.Should().Be(1);
    }

    [Fact]
    public void SentMemoryComparesContentNamespaceAndTier() =>
        new SentMemory("t", "c", "ns", "mid").Compare(new MemoryRow("id", "t", "other", "long", "api", "c")).Select(m => m.Field)
            .Should().Equal("namespace", "tier");

    [Fact]
    public void ANodeHoldingNoAcknowledgedRowIsNoEvidence() =>
        ContentVerdicts.SameAsSent(Node("node-c", ["t1"], 0)).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
}
