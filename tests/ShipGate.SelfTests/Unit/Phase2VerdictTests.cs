using FluentAssertions;
using static ShipGate.SelfTests.Unit.Phase2Samples;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class Phase2VerdictTests
{
    [Fact]
    public void ABurstWithNo201FailsInsteadOfPassingVacuously()
    {
        var e = Evidence(Statuses(ok: 0, unavailable: 200));

        var finding = Phase2Verdicts.BurstAcknowledged(e);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("0 of 200");
        Phase2Verdicts.NodeHoldsAcknowledged(e, "node-b").Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Theory]
    [InlineData(190, Outcome.Pass)]
    [InlineData(189, Outcome.Fail)]
    public void NinetyFivePercentOf201IsTheExactBoundary(int ok, Outcome expected) =>
        Phase2Verdicts.BurstAcknowledged(Evidence(Statuses(ok, unavailable: 200 - ok))).Verdict.Outcome.Should().Be(expected);

    [Fact]
    public void AnyStatusOtherThan201Or503FailsWithTheHistogram()
    {
        var finding = Phase2Verdicts.BurstStatuses(Evidence(Statuses(ok: 198, unavailable: 1, other: 1)));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("201×198 500×1 503×1").And.Contain($"{Title(199)}=500");
    }

    [Fact]
    public void A503IsAnAllowedBurstStatus() =>
        Phase2Verdicts.BurstStatuses(Evidence(Statuses(ok: 190, unavailable: 10))).Verdict.Passed.Should().BeTrue();

    [Theory]
    [InlineData(190, Outcome.Pass)] // exactly 95%: no flooring either way
    [InlineData(189, Outcome.Fail)]
    public void ANodeMustHoldNinetyFivePercentOfAcknowledged(int held, Outcome expected) =>
        Phase2Verdicts.NodeHoldsAcknowledged(Evidence(Statuses(200), heldByNodeC: held), "node-c").Verdict.Outcome.Should().Be(expected);

    [Fact]
    public void AShortNodeNamesHowManyAndWhichTitlesAreMissing()
    {
        var finding = Phase2Verdicts.NodeHoldsAcknowledged(Evidence(Statuses(200), heldByNodeC: 146), "node-c");

        finding.Verdict.Message.Should().StartWith("node-c holds 146/200 acknowledged")
            .And.Contain($"missing 54: {Title(146)}, {Title(147)}")
            .And.Contain("…");
        finding.Measured.Should().Be("146/200");
    }

    [Fact]
    public void DuplicatesOrNeverAttemptedTitlesFail()
    {
        var e = Evidence(Statuses(200));
        var acked = e.AcknowledgedTitles;
        var stray = e with { Nodes = [Node("node-a", acked, 200, extra: ["p2-ghost"]), Node("node-b", acked, 200, rows: 201), e.Nodes[2]] };

        Phase2Verdicts.NodeHasNoStraysOrDuplicates(stray, "node-a").Verdict.Message.Should().Contain("p2-ghost");
        Phase2Verdicts.NodeHasNoStraysOrDuplicates(stray, "node-b").Verdict.Message.Should().Contain("201 rows for 200 distinct titles");
        Phase2Verdicts.NodeHasNoStraysOrDuplicates(stray, "node-c").Verdict.Passed.Should().BeTrue();
    }

    [Theory]
    [InlineData(201, true)]
    [InlineData(503, false)]
    [InlineData(0, false)]
    public void ProbeOneNeeds201(int status, bool passes) =>
        Phase2Verdicts.Probe1(Evidence(Statuses(200), probe1: Probe(status, "{}", null))).Verdict.Passed.Should().Be(passes);

    [Theory]
    [InlineData(503, "quorum_not_met", "2", true)]
    [InlineData(503, "quorum_not_met", null, false)]
    [InlineData(503, "internal", "2", false)]
    [InlineData(201, null, null, false)]
    [InlineData(500, null, null, false)]
    public void ProbeTwoNeeds503QuorumNotMetWithRetryAfter(int status, string? error, string? retryAfter, bool passes) =>
        Phase2Verdicts.Probe2(Evidence(Statuses(200), probe2: Probe(status, "{}", retryAfter, error))).Verdict.Passed.Should().Be(passes);

    [Fact]
    public void ASetupFailureFailsPreflightAndLeavesEveryOtherCriterionWithoutEvidence()
    {
        var e = Phase2Evidence.Failed("Docker engine unreachable at unix:///var/run/docker.sock", null, 1);

        Phase2Verdicts.Preflight(e).Verdict.Should().Be(Verdict.Fail("Docker engine unreachable at unix:///var/run/docker.sock"));
        new[]
        {
            Phase2Verdicts.BurstStatuses(e), Phase2Verdicts.BurstAcknowledged(e), Phase2Verdicts.NodeHoldsAcknowledged(e, "node-a"),
            Phase2Verdicts.NodeHasNoStraysOrDuplicates(e, "node-a"), Phase2Verdicts.Probe1(e), Phase2Verdicts.Probe2(e),
        }.Should().OnlyContain(f => f.Verdict.Outcome == Outcome.NoEvidence);
    }
}
