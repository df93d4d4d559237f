using FluentAssertions;
using static ShipGate.SelfTests.Unit.Phase2Samples;

namespace ShipGate.SelfTests.Unit;

/// <summary>The leader's own criterion: every write it acknowledged, beside the card's ≥ 95 % that one lost write passes.</summary>
[Trait("Category", "Unit")]
public sealed class LeaderHoldsAllVerdictTests
{
    [Fact]
    public void ALeaderHoldingEveryAcknowledgedWritePasses()
    {
        var judged = Phase2Verdicts.LeaderHoldsAll(Evidence(Statuses(200)));

        judged.Verdict.Outcome.Should().Be(Outcome.Pass, judged.Verdict.Message);
        judged.Measured.Should().Be(0);
    }

    // leader_loses_40th_tagged_write: 199 of 200 is ≥ 95 % on holds-95pct, and a lost write here.
    [Fact]
    public void OneLostWriteOnTheLeaderFailsNamingIt()
    {
        var e = Evidence(Statuses(200));
        var acked = e.AcknowledgedTitles;
        e = e with { Nodes = [Node("node-a", [.. acked.Where(t => t != Title(39)), Title(39)], 199), .. e.Nodes.Skip(1)] };

        var judged = Phase2Verdicts.LeaderHoldsAll(e);

        judged.Verdict.Outcome.Should().Be(Outcome.Fail);
        judged.Measured.Should().Be(1);
        judged.Verdict.Message.Should().Contain("acknowledged 200 writes and holds 199").And.Contain(Title(39));
        Phase2Verdicts.NodeHoldsAcknowledged(e, "node-a").Verdict.Outcome.Should().Be(Outcome.Pass);
    }

    [Fact]
    public void NothingAcknowledgedIsNoEvidence() =>
        Phase2Verdicts.LeaderHoldsAll(Evidence(Statuses(0, unavailable: 10))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
}
