using FluentAssertions;
using FluentAssertions.Execution;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// The proof through the path a release decision takes: mutants of every phase, each case a child `dotnet test` of
/// the real gate project with the real results logger. Exactly the expected facts fail in the TRX, and the logger's
/// campaign-summary.json says overall_pass false with reasons naming those facts (and the partial campaign); the
/// engine holds nothing of the run once it ended (every case is a failing run, as the Leak category's failing case).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ChildTestRun.Collection)]
public sealed class EndToEndTests(EndToEndFixture fixture, ITestOutputHelper output) : IClassFixture<EndToEndFixture>
{
    public static TheoryData<string> Cases => new(EndToEndCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExactlyTheMutantsFactsFailAndTheCampaignSaysSo(string name)
    {
        var o = fixture[name];
        output.WriteLine($"{name}: child wall {o.Exit.Wall.TotalSeconds:0.0} s, exit {o.Exit.ExitCode}; TRX {o.Trx?.Count("Passed")} passed, "
            + $"{o.Trx?.Count("Failed")} failed, {o.Trx?.Count("NotExecuted")} skipped; log {o.LogPath}");
        foreach (var reason in o.Reasons) output.WriteLine($"reason: {reason}");

        using var _ = new AssertionScope();
        o.Exit.Ended.Should().BeTrue($"the child ends (killed at {EndToEndFixture.HangBound.TotalMinutes:0} min)");
        o.Trx.Should().NotBeNull("the child writes a TRX");
        o.RunsSeen.Should().BePositive("the child's containers must have been seen, or 'nothing left' proves nothing");
        o.Left.None.Should().BeTrue($"a red run removes what it created, found {o.Left}");
        var failed = o.Trx?.Results.Where(r => r.Failed).Select(r => r.TestName).ToList() ?? [];
        if (o.Case.MayAlsoBeRedNames.Count == 0) failed.Should().BeEquivalentTo(o.Case.RedNames, "exactly the mutant's facts fail");
        else
        {
            failed.Should().Contain(o.Case.RedNames, "every one of the mutant's facts fails");
            failed.Should().BeSubsetOf(o.Case.RedNames.Concat(o.Case.MayAlsoBeRedNames), "no other fact fails but those left to timing");
        }

        o.Summary.Should().NotBeNull($"the results logger writes {o.SummaryPath}");
        if (o.Summary is null) return;
        o.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        foreach (var key in o.Case.RedKeys) o.Reasons.Should().Contain(r => r.Contains(key, StringComparison.Ordinal), $"a reason names {key}");
        o.Reasons.Should().Contain(r => r.StartsWith("partial campaign: phases ", StringComparison.Ordinal));
    }
}
