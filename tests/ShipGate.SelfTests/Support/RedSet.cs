using System.Text;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// The self-tests' one assertion: the red set of a run (criteria whose verdict is not Pass) equals the
/// expected set exactly — a mutant that reds one fact more or one fewer is a finding, not a pass.
/// </summary>
public static class RedSet
{
    public static void ShouldBe(PhaseRun run, TestLog log, params string[] expected)
    {
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var got = run.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal);
        var report = Report(run, want, got);
        log.Line(report);
        if (!want.SetEquals(got)) Assert.Fail(report);
    }

    /// <summary>The known-bad row's red set: exactly, or with the criteria it leaves to timing.</summary>
    public static void ShouldBe(PhaseRun run, TestLog log, Mutants.KnownBad expected)
    {
        if (expected.MayAlsoBeRed is { Count: > 0 } timing) ShouldBe(run, log, [.. expected.Red], [.. timing]);
        else ShouldBe(run, log, [.. expected.Red]);
    }

    /// <summary>
    /// Every expected criterion is red, and besides them at most <paramref name="mayAlsoBeRed"/>: for a mutant whose
    /// settings leave one more criterion to timing (named by the caller, with why), as its honest control shows.
    /// </summary>
    public static void ShouldBe(PhaseRun run, TestLog log, string[] expected, string[] mayAlsoBeRed)
    {
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var allowed = want.Concat(mayAlsoBeRed).ToHashSet(StringComparer.Ordinal);
        var got = run.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal);
        var report = Report(run, want, got) + $"{Environment.NewLine}  may also be red (timing): {List(mayAlsoBeRed)}";
        log.Line(report);
        if (!want.IsSubsetOf(got) || !got.IsSubsetOf(allowed)) Assert.Fail(report);
    }

    /// <summary>
    /// The red set lies within <paramref name="mayBeRed"/>: for a control whose settings leave one criterion to
    /// timing (named by the caller, with why), while every other criterion must be green.
    /// </summary>
    public static void ShouldBeWithin(PhaseRun run, TestLog log, params string[] mayBeRed)
    {
        var allowed = mayBeRed.ToHashSet(StringComparer.Ordinal);
        var got = run.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal);
        var report = Report(run, [], got) + $"{Environment.NewLine}  may be red (timing): {List(allowed)}";
        log.Line(report);
        if (!got.IsSubsetOf(allowed)) Assert.Fail(report);
    }

    /// <summary>Every phase's red set is empty; each phase is reported, and all of them are run before judging.</summary>
    public static void ShouldAllBeGreen(IReadOnlyList<PhaseRun> runs, TestLog log)
    {
        var none = new HashSet<string>(StringComparer.Ordinal);
        var reports = runs.Select(r => Report(r, none, r.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal))).ToList();
        foreach (var report in reports) log.Line(report);
        log.Line($"all phases: {runs.Sum(r => r.Findings.Count)} facts judged in {runs.Sum(r => r.Wall.TotalSeconds):0.0} s of campaigns");
        if (runs.Any(r => r.Red.Count > 0)) Assert.Fail(string.Join(Environment.NewLine, reports.Where((_, i) => runs[i].Red.Count > 0)));
    }

    /// <summary>Expected vs observed, what differs, and every red finding with its message.</summary>
    private static string Report(PhaseRun run, HashSet<string> want, HashSet<string> got)
    {
        var text = new StringBuilder()
            .AppendLine($"phase {run.Phase} [{run.Variant}] in {run.Wall.TotalSeconds:0.0} s")
            .AppendLine($"  expected red: {List(want)}")
            .AppendLine($"  observed red: {List(got)}");
        var stayedGreen = run.Findings.Where(f => want.Contains(f.Criterion) && f.Verdict.Passed).ToList();
        foreach (var f in stayedGreen) text.AppendLine($"  STAYED GREEN {f.Criterion}: {f.Verdict.Message}");
        var unknown = want.Where(c => run.Findings.All(f => f.Criterion != c)).ToList();
        foreach (var c in unknown) text.AppendLine($"  NO SUCH CRITERION {c} (the phase judged {run.Findings.Count} criteria)");
        foreach (var f in run.Red.Where(f => !want.Contains(f.Criterion))) text.AppendLine($"  UNEXPECTED RED {f.Criterion}");
        text.AppendLine("  every red finding:");
        foreach (var f in run.Red) text.AppendLine($"    {f.Criterion} {f.Verdict.Outcome}: {f.Verdict.Message}");
        if (run.Red.Count == 0) text.AppendLine("    (none)");
        return text.ToString().TrimEnd();
    }

    private static string List(IEnumerable<string> criteria)
    {
        var sorted = criteria.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none)" : string.Join(", ", sorted);
    }
}
