using FluentAssertions;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class VerdictTests
{
    [Fact]
    public void FailBeatsNoEvidenceBeatsPass()
    {
        Verdict.Combine([Verdict.Pass("a"), Verdict.NoEvidence("b"), Verdict.Fail("c")]).Should().Be(Verdict.Fail("c"));
        Verdict.Combine([Verdict.Pass("a"), Verdict.NoEvidence("b")]).Outcome.Should().Be(Outcome.NoEvidence);
        Verdict.Combine([Verdict.Pass("a"), Verdict.Pass("b")]).Should().Be(Verdict.Pass("a; b"));
    }

    [Fact]
    public void NothingToCombineIsNoEvidence() => Verdict.Combine([]).Outcome.Should().Be(Outcome.NoEvidence);

    [Fact]
    public void OnlyPassPasses()
    {
        Verdict.Pass("x").Passed.Should().BeTrue();
        Verdict.NoEvidence("x").Passed.Should().BeFalse();
        Verdict.Fail("x").Passed.Should().BeFalse();
    }
}
