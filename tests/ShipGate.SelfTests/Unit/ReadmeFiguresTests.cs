using System.Text.RegularExpressions;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The README's figures follow the criteria catalog, so they stay true as criteria land: the green sample's closing
/// line is what a default run of the gate prints (one fact per catalog row and node or gated class passed, the opt-in
/// classes' facts skipped: tests/ShipGate.Tests has no other test and no other skip), the red sample's is a Phase 1
/// run (its facts, none skipped), and the phase table names each phase's number of criteria. The numbers are
/// computed here, never written in this test.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class ReadmeFiguresTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));

    private static List<(int Passed, int Failed, int Skipped)> ClosingLines() =>
        [.. ClosingLine().Matches(Readme).Select(m => (Int(m, "passed"), Int(m, "failed"), Int(m, "skipped")))];

    [Fact]
    public void TheGreenSampleCountsEveryFactOfADefaultRun()
    {
        var passed = CriteriaCatalog.Phases.Sum(p => CriteriaCatalog.Facts(p, Topology.GatedFaults).Count);
        var skipped = CriteriaCatalog.Phases.Sum(p => CriteriaCatalog.AllFacts(p).Count) - passed;

        Assert.Equal((passed, 0, skipped), ClosingLines().First());
    }

    [Fact]
    public void TheRedSampleCountsEveryFactOfPhase1()
    {
        var (passed, failed, skipped) = ClosingLines().Last();

        Assert.True(failed > 0, "the red sample fails a fact");
        Assert.Equal((CriteriaCatalog.AllFacts(1).Count, 0), (passed + failed, skipped));
    }

    [Fact]
    public void ThePhaseTableNamesEachPhasesNumberOfCriteria()
    {
        var rows = PhaseRow().Matches(Readme).ToDictionary(m => Int(m, "phase"), m => Int(m, "criteria"));

        Assert.Equal(CriteriaCatalog.Phases.ToDictionary(p => p, p => CriteriaCatalog.Of(p).Count()), rows);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^shipgate: (?<passed>\d+) passed, (?<failed>\d+) failed, (?<skipped>\d+) skipped$", RegexOptions.Multiline)]
    private static partial Regex ClosingLine();

    [GeneratedRegex(@"^\| (?<phase>\d) [a-z]+ \((?<criteria>\d+) criteria\) \|", RegexOptions.Multiline)]
    private static partial Regex PhaseRow();
}
