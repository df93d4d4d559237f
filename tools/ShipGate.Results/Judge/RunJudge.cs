using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Judge;

/// <summary>How a run is judged: tests by their outcomes; a gate run also by its campaign, as a release or by its facts.</summary>
public enum RunKind
{
    /// <summary>A test project: every result Passed (or an opt-in skip).</summary>
    Tests,

    /// <summary>A gate run that must be a release pass: overall_pass.</summary>
    Release,

    /// <summary>A gate run judged by the facts it ran (a filter, a rehearsal): every one passed, the run completed.</summary>
    Facts,
}

/// <summary>One run to judge: what it is, the exit code of the dotnet test that wrote it, its TRX.</summary>
public sealed record RunToJudge(RunKind Kind, int ExitCode, string Trx);

/// <summary>A judged run: its counts for the closing line and every problem found (empty: it passed).</summary>
/// <param name="Sut">For a gate run, what it gated (<see cref="SutKind"/>); null for a test project or an unread campaign.</param>
public sealed record RunVerdict(RunToJudge Run, int Passed, int Failed, int Skipped, IReadOnlyList<string> Problems, string? Sut = null)
{
    public bool Pass => Problems.Count == 0 && Failed == 0 && Passed > 0;
}

/// <summary>
/// The release decision's exit code, failing closed: a missing, empty or truncated TRX, a run that did not complete
/// (aborted, crashed host), any outcome but Passed or an opt-in skip, and a non-zero exit of dotnet test are each a
/// problem. A run with a problem but no failed result counts one failed, so it never reads "0 failed".
/// </summary>
public static class RunJudge
{
    private static readonly HashSet<string> Completed = new(StringComparer.OrdinalIgnoreCase) { "Completed", "Passed", "Failed", "Warning" };

    /// <param name="root">The folder a recorded relative results folder is under (the repository's root for ./shipgate).</param>
    public static RunVerdict Judge(RunToJudge job, string root)
    {
        RunRecord run;
        try
        {
            run = TrxReader.Read(job.Trx);
        }
        catch (ResultsInputException e)
        {
            return new RunVerdict(job, 0, 1, 0, [e.Message]);
        }

        var problems = new List<string>();
        if (!run.Counted) problems.Add($"{job.Trx}: no ResultSummary counters (a truncated TRX: the run was cut short)");
        if (!Completed.Contains(run.Outcome)) problems.Add($"{job.Trx}: the test run ended {run.Outcome}");
        if (job.ExitCode != 0) problems.Add($"{job.Trx}: dotnet test exited {job.ExitCode}");
        if (run.Tests.Count == 0) problems.Add($"{job.Trx}: no test results");
        // A gate run's campaign names these among its reasons; a test project's run is judged by them here.
        if (job.Kind == RunKind.Tests) problems.AddRange(RunSignals.Reasons([run], facts: false));
        var passed = run.Tests.Count(t => t.Outcome == "Passed");
        var skipped = run.Tests.Count(IsOptInSkip);
        var failed = run.Tests.Count - passed - skipped;
        string? sut = null;
        if (job.Kind != RunKind.Tests && run.Tests.Count > 0)
        {
            var (campaignProblems, kind) = Campaign(run, job.Kind, root);
            problems.AddRange(campaignProblems);
            sut = kind;
        }

        return new RunVerdict(job, passed, problems.Count > 0 && failed == 0 ? 1 : failed, skipped, problems, sut);
    }

    /// <summary>The only skip that is not a failure: the marked skip of an opt-in fault class's fact.</summary>
    public static bool IsOptInSkip(TestRecord t) =>
        t.Outcome is "NotExecuted" or "Skipped"
        && OptInSkip.KeyOf(t.ErrorMessage) is { } key
        && CriteriaCatalog.AllFacts(4).FirstOrDefault(f => f.Key == key)?.Fault is { } fault
        && Topology.OptInFaults.Contains(fault);

    /// <summary>
    /// The gate run's campaign, built and published by the one function the results logger calls
    /// (<see cref="Converter.Publish"/>) into the folder the logger resolves (<see cref="PublishTarget"/>): the
    /// summary left in runs/ is the one this exit code comes from.
    /// </summary>
    private static (IReadOnlyList<string> Problems, string? Sut) Campaign(RunRecord run, RunKind kind, string root)
    {
        var target = PublishTarget.Resolve(run.Tests, _ => null, root, run.Start ?? DateTimeOffset.UtcNow);
        var id = target.Options.CampaignId;
        var published = Converter.Publish(() => [run], target.OutDir, target.Options, TextWriter.Null);
        if (published.Result is not { } result) return ([$"{run.Source}: {published.Error}"], null);
        var pass = kind == RunKind.Release ? result.OverallPass : result.FactsPass;
        var what = kind == RunKind.Release ? "not a release pass" : "not every fact of the phases run passed";
        var sut = J.Str(result.Summary, "sut_kind");
        return (pass ? [] : [$"{run.Source}: campaign {id} ({J.Str(result.Summary, "strength")}): {what}", .. result.Reasons.Select(r => "  " + r)], sut);
    }
}
