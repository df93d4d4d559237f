using FluentAssertions;
using FluentAssertions.Execution;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.BadConfig;

/// <summary>
/// Bad configuration: each case, run as a real child `dotnet test --no-build`, turns the phase's preflight
/// fact red with one line naming the setting, within 30 s, without a hang, passes no other fact and
/// leaves nothing behind on the engine.
/// </summary>
[Trait("Category", "BadConfig")]
[Collection(ChildTestRun.Collection)]
public sealed class BadConfigTests(BadConfigFixture fixture, ITestOutputHelper output) : IClassFixture<BadConfigFixture>
{
    /// <summary>The user's bound: from the test run's start to the red preflight fact.</summary>
    private static readonly TimeSpan RedWithin = TimeSpan.FromSeconds(30);

    /// <summary>The whole child: the 30 s plus dotnet test's own start and stop on a loaded machine.</summary>
    private static readonly TimeSpan WallWithin = TimeSpan.FromSeconds(45);

    public static TheoryData<string> Cases => new(BadConfigCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void RedPreflightNamesTheSetting(string name)
    {
        var o = fixture[name];
        output.WriteLine($"{name}: {o.Case.Setting} via {string.Join(" ", o.Case.Exported.Select(e => $"{e.Key}={e.Value}"))}, Phase {o.Case.Phase}");
        output.WriteLine($"preflight: {o.Preflight?.Outcome ?? "absent"} after {o.TimeToRed?.TotalSeconds:0.0} s (fact itself "
            + $"{o.Preflight?.Duration.TotalSeconds:0.000} s); child wall {o.Exit.Wall.TotalSeconds:0.0} s, exit {o.Exit.ExitCode}");
        output.WriteLine($"message: {o.Reason}");
        output.WriteLine($"TRX: {o.Trx?.Count("Passed")} passed, {o.Trx?.Count("Failed")} failed; containers seen {o.ContainersSeen}, left {o.Left}; log "
            + $"{o.LogPath}");

        using var _ = new AssertionScope();
        o.Exit.Ended.Should()
            .BeTrue($"a bad configuration must not hang (killed at {BadConfigFixture.HangBound.TotalSeconds:0} s; still running: "
            + $"{string.Join(", ", o.Exit.Survivors)})");
        o.Trx.Should().NotBeNull("the child writes a TRX");
        o.Preflight.Should().NotBeNull($"the TRX holds the Phase {o.Case.Phase} preflight fact");
        if (o.Preflight is null) return;
        o.Preflight.Outcome.Should().Be("Failed", "a bad configuration turns the preflight fact red");
        o.Reason.Should().NotContainAny(["\n", "\r"], "the message is one line").And.Contain(o.Case.Setting, "the message names the setting");
        o.Trx!.Results.Where(r => r.Passed).Select(r => r.TestName).Should().BeEmpty("a phase that could not act passes no fact");
        o.TimeToRed.Should().BeLessThanOrEqualTo(RedWithin);
        o.Exit.Wall.Should().BeLessThanOrEqualTo(WallWithin);
        o.Left.None.Should().BeTrue($"a bad configuration leaves nothing behind, found {o.Left}");
    }
}
