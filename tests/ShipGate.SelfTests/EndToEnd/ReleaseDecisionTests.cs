using FluentAssertions;
using FluentAssertions.Execution;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// The release engineer's command end to end (issue 20): `./shipgate gate` exits 0 only for a release pass. A
/// rehearsal-strength campaign is published with overall_pass false and a reason per setting below the floor; a run
/// whose test host dies in Phase 4 exits non-zero, publishes no pass and never closes with "0 failed".
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ChildTestRun.Collection)]
public sealed class ReleaseDecisionTests(ReleaseDecisionFixture fixture, ITestOutputHelper output) : IClassFixture<ReleaseDecisionFixture>
{
    private void Describe(ShipgateOutcome o)
    {
        output.WriteLine($"{o.Request.Name}: exit {o.Exit.ExitCode} after {o.Exit.Wall.TotalSeconds:0.0} s; closing line: {o.ClosingLine}; log {o.LogPath}");
        foreach (var reason in o.Reasons) output.WriteLine($"reason: {reason}");
    }

    [Fact]
    public void ARehearsalProfileRunIsNoReleasePassAndShipgateGateExitsNonZero()
    {
        var o = fixture.Rehearsal;
        Describe(o);

        using var _ = new AssertionScope();
        o.Exit.Ended.Should().BeTrue($"the child ends (killed at {ReleaseDecisionFixture.Bound.TotalMinutes:0} min)");
        o.Exit.ExitCode.Should().NotBe(0);
        o.ClosingLine.Should().NotBeNull("./shipgate closes with the line CI reads");
        o.Summary.Should().NotBeNull("the results logger writes the summary");
        if (o.Summary is null) return;
        o.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        o.Summary["strength"]!.GetValue<string>().Should().Be("rehearsal");
        var rows = ReleaseDecisionFixture.RowsBelowTheFloor(o.Request);
        rows.Should().NotBeEmpty("the small profile is below the floor");
        foreach (var row in rows) o.Reasons.Should()
            .Contain(r => r.StartsWith($"rehearsal: {row.Label} ", StringComparison.Ordinal), $"a reason names {row.Label}");
    }

    [Fact]
    public void ARunWhoseTestHostIsKilledInPhase4ExitsNonZeroAndPublishesNoPass()
    {
        var o = fixture.HostKilled;
        Describe(o);

        using var _ = new AssertionScope();
        o.KilledHost.Should().NotBeNull($"the test host was found and killed after '{ReleaseDecisionFixture.Phase4Started}'");
        o.Exit.Ended.Should().BeTrue();
        o.Exit.ExitCode.Should().NotBe(0);
        o.ClosingLine.Should().NotBeNull().And.NotContain(" 0 failed", "a crashed run never reads 0 failed");
        if (o.Summary is not null) o.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
    }
}
