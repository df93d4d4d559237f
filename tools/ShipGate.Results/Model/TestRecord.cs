namespace ShipGate.Results.Model;

/// <summary>One test result as VSTest reported it: from a TRX file or from the live logger events.</summary>
/// <param name="Outcome">VSTest's outcome text (Passed, Failed, NotExecuted, Skipped, Timeout, …).</param>
/// <param name="StdOut">The test's own output (where the facts write their evidence lines).</param>
/// <param name="ErrorMessage">The failure message, or the skip reason of a skipped test.</param>
public sealed record TestRecord(
    string Id,
    string Name,
    string? ClassName,
    string Outcome,
    TimeSpan Duration,
    string StdOut,
    string? ErrorMessage);

/// <summary>One test run (one TRX file): where it came from, its run-level outcome and its results.</summary>
/// <param name="Counted">False for a TRX without its ResultSummary counters: a run cut short before VSTest closed it.</param>
/// <param name="Counters">The TRX's ResultSummary counters (name → value) as VSTest wrote them; null for a live run.</param>
/// <param name="RunErrors">The run-level messages VSTest recorded as errors (RunInfos, e.g. a crashed test host).</param>
public sealed record RunRecord(
    string Source,
    string? RunId,
    string Outcome,
    IReadOnlyList<TestRecord> Tests,
    DateTimeOffset? Start = null,
    DateTimeOffset? Finish = null,
    bool Counted = true,
    IReadOnlyDictionary<string, string>? Counters = null,
    IReadOnlyList<string>? RunErrors = null)
{
    /// <summary>Run-level outcomes that say nothing went wrong outside the tests.</summary>
    public static readonly IReadOnlySet<string> CleanOutcomes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Completed", "Passed", "Warning", "Failed" };

    /// <summary>True when the run itself failed (aborted, error, …) but no test says so: the caller adds a synthetic failure.</summary>
    public bool RunFailedSilently =>
        (!CleanOutcomes.Contains(Outcome) || string.Equals(Outcome, "Failed", StringComparison.OrdinalIgnoreCase))
        && Tests.All(t => t.Outcome is "Passed" or "NotExecuted" or "Skipped");
}

/// <summary>Bad input: the one clear line the command prints before exiting 2. Never yields a passing summary.</summary>
public sealed class ResultsInputException(string message) : Exception(message);
