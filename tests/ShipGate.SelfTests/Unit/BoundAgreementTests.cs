using System.Globalization;
using FluentAssertions;
using ShipGate.Contract.Criteria;
using static ShipGate.SelfTests.Unit.Phase4VerdictTests;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// A row's bound is the condition its verdict applies to the number it reports: over the verdict tests' sample evidence,
/// every finding with a bound and a numeric measured passes exactly when the bound holds (what the converter re-checks).
/// </summary>
[Trait("Category", "Unit")]
public sealed class BoundAgreementTests
{
    private const string Kill = "kill_primary_mid_write";

    private static IEnumerable<(int Phase, object Evidence)> Samples()
    {
        var healthy = Phase1VerdictTests.Healthy();
        foreach (var node in new[]
                 {
                     healthy, healthy with { McpTools = [.. Enumerable.Range(0, 29).Select(i => $"t{i}")] },
                         healthy with { McpTools = [.. Enumerable.Range(0, 30).Select(i => $"t{i}")] },
                     healthy with { Stats = new Fixtures.Client.StatsBody(0, null, null, null, null, null) }, healthy with { RecallHits = 0 },
                     healthy with { ManifestFiles = ["m1", "m2"] }, healthy with { SnapshotFiles = [] },
                     healthy with { Curator = new Fixtures.Client.CuratorReport(1, 1, 0, true, ["database is locked"]) },
                     healthy with { McpTools = [.. Phase1Criteria.McpToolNames.Skip(1)] },
                 })
            yield return (1, Phase1VerdictTests.With(node));

        foreach (var statuses in new[] { Phase2Samples.Statuses(200), Phase2Samples.Statuses(190, 10), Phase2Samples.Statuses(0, 200) })
            yield return (2, Phase2Samples.Evidence(statuses));
        yield return (2, Phase2Samples.Evidence(Phase2Samples.Statuses(200), probe1: Phase2Samples.Probe(503, "{}", "1")));

        foreach (var (ok, min) in new[] { (100, 100), (100, 90), (200, 199), (1000, 994), (0, 0) })
            yield return (4, Evidence(Cycles(2, _ => Cycle(ok: ok / 2, n1: min / 2, n2: min / 2))));
    }

    [Fact]
    public void EveryNumericFindingPassesExactlyWhenItsBoundHolds()
    {
        var checkedPhases = new HashSet<int>();
        foreach (var (phase, evidence) in Samples())
        {
            foreach (var f in Fixtures.Verdicts.CriteriaVerdicts.Findings(phase, evidence))
            {
                if (f.Bound is not { } bound || Number(f.Measured) is not { } measured) continue;
                f.Verdict.Passed.Should().Be(bound.Holds(measured), $"{f.Criterion} measured {measured} against {bound}: {f.Verdict}");
                checkedPhases.Add(phase);
            }
        }

        checkedPhases.Should().BeEquivalentTo([1, 2, 4], "the samples exercise the bounded rows of the phases that have sample builders");
    }

    [Fact]
    public void EveryBoundedRowIsExercisedOnBothSidesOfItsBound()
    {
        var seen = Samples()
            .SelectMany(s => Fixtures.Verdicts.CriteriaVerdicts.Findings(s.Phase, s.Evidence))
            .Where(f => f.Bound is not null && Number(f.Measured) is not null)
            .GroupBy(f => CriteriaCatalog.Fact(f.Criterion).Criterion)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Verdict.Passed).ToHashSet());
        var twoSided = new[] { Phase1Criteria.McpTools, Phase1Criteria.StatsTotal, Phase1Criteria.RecallHits, Phase1Criteria.BackupOneManifest,
            Phase1Criteria.BackupOneSnapshot, Phase1Criteria.CuratorErrors, Phase1Criteria.McpToolNamesPresent, Phase2Criteria.Probe1,
                Phase4Criteria.ConvergenceBound };

        foreach (var row in twoSided) seen.GetValueOrDefault(row).Should().BeEquivalentTo(new[] { true, false }, $"{row.What} has a pass and a fail sample");
    }

    private static double? Number(object? measured) => measured switch
    {
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => null,
    };
}
