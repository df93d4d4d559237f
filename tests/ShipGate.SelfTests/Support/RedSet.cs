using System.Text;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// The self-tests' one assertion: the red set of a run, as (criterion, outcome), equals the expected one exactly — a
/// mutant that reds one fact more or one fewer, or leaves without evidence a fact it should fail, is a finding, not a pass.
/// </summary>
public static class RedSet
{
    /// <summary>
    /// Every fact of the known-bad row is red with the outcome the row expects, and besides them at most the facts the
    /// row leaves to timing (any outcome). A row that expects nothing red is an error.
    /// </summary>
    public static void ShouldBe(PhaseRun run, TestLog log, Mutants.KnownBad expected)
    {
        if (expected.Red.Count == 0)
            Assert.Fail($"the known-bad row {expected.Switch} in Phase {expected.Phase} expects nothing red: "
                + "name what it turns red, or it is no known-bad node");
        var want = expected.Red.ToDictionary(k => k, expected.Expected, StringComparer.Ordinal);
        var timing = (expected.MayAlsoBeRed ?? []).ToHashSet(StringComparer.Ordinal);
        var got = run.Red.ToDictionary(f => f.Criterion, f => f.Verdict.Outcome, StringComparer.Ordinal);
        var wrongOutcome = want.Where(w => got.TryGetValue(w.Key, out var o) && o != w.Value).Select(w => $"{w.Key}: expected {w.Value}, got {got[w.Key]}")
            .ToList();
        var report = Report(run, want, got.Keys.ToHashSet(StringComparer.Ordinal))
            + string.Concat(wrongOutcome.Select(w => $"{Environment.NewLine}  WRONG OUTCOME {w}"))
            + (expected.UnprovenWhy is { } why ? $"{Environment.NewLine}  no evidence expected because {why}" : "")
            + (timing.Count > 0 ? $"{Environment.NewLine}  may also be red (timing): {List(timing)}" : "");
        log.Line(report);
        var unexpected = got.Keys.Where(k => !want.ContainsKey(k) && !timing.Contains(k));
        if (want.Keys.Any(k => !got.ContainsKey(k)) || wrongOutcome.Count > 0 || unexpected.Any()) Assert.Fail(report);
    }

    /// <summary>
    /// The red set lies within <paramref name="mayBeRed"/>: for a control whose settings leave one criterion to
    /// timing (named by the caller, with why), while every other criterion must be green.
    /// </summary>
    public static void ShouldBeWithin(PhaseRun run, TestLog log, params string[] mayBeRed)
    {
        var allowed = mayBeRed.ToHashSet(StringComparer.Ordinal);
        var got = run.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal);
        var report = Report(run, new Dictionary<string, Outcome>(), got) + $"{Environment.NewLine}  may be red (timing): {List(allowed)}";
        log.Line(report);
        if (!got.IsSubsetOf(allowed)) Assert.Fail(report);
    }

    /// <summary>Every phase's red set is empty; each phase is reported, and all of them are run before judging.</summary>
    public static void ShouldAllBeGreen(IReadOnlyList<PhaseRun> runs, TestLog log)
    {
        var none = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var reports = runs.Select(r => Report(r, none, r.Red.Select(f => f.Criterion).ToHashSet(StringComparer.Ordinal))).ToList();
        foreach (var report in reports) log.Line(report);
        log.Line($"all phases: {runs.Sum(r => r.Findings.Count)} facts judged in {runs.Sum(r => r.Wall.TotalSeconds):0.0} s of campaigns");
        if (runs.Any(r => r.Red.Count > 0)) Assert.Fail(string.Join(Environment.NewLine, reports.Where((_, i) => runs[i].Red.Count > 0)));
    }

    /// <summary>Expected vs observed, what differs, and every red finding with its message.</summary>
    private static string Report(PhaseRun run, IReadOnlyDictionary<string, Outcome> want, HashSet<string> got)
    {
        var text = new StringBuilder()
            .AppendLine($"phase {run.Phase} [{run.Variant}] in {run.Wall.TotalSeconds:0.0} s")
            .AppendLine($"  expected red: {List(want.Select(w => w.Value == Outcome.Fail ? w.Key : $"{w.Key} ({w.Value})"))}")
            .AppendLine($"  observed red: {List(got)}");
        var stayedGreen = run.Findings.Where(f => want.ContainsKey(f.Criterion) && f.Verdict.Passed).ToList();
        foreach (var f in stayedGreen) text.AppendLine($"  STAYED GREEN {f.Criterion}: {f.Verdict.Message}");
        var unknown = want.Keys.Where(c => run.Findings.All(f => f.Criterion != c)).ToList();
        foreach (var c in unknown) text.AppendLine($"  NO SUCH CRITERION {c} (the phase judged {run.Findings.Count} criteria)");
        foreach (var f in run.Red.Where(f => !want.ContainsKey(f.Criterion))) text.AppendLine($"  UNEXPECTED RED {f.Criterion}");
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
