using System.Globalization;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// What a run says about itself, checked before any fact is believed: the TRX's counters against its results,
/// run-level errors (a crashed test host under outcome Completed), times that cannot be (finished before started,
/// dated before ShipGate existed, negative durations) and a fact reported more than once.
/// </summary>
public static partial class RunSignals
{
    /// <summary>No ShipGate run started before this: an earlier date is a forged or broken clock.</summary>
    public static readonly DateTimeOffset Earliest = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Counter → the result outcomes it counts, as VSTest's TRX logger writes them.</summary>
    private static readonly (string Counter, string[] Outcomes)[] Counted =
    [
        ("passed", ["Passed"]), ("failed", ["Failed"]), ("error", ["Error"]), ("timeout", ["Timeout"]), ("aborted", ["Aborted"]),
    ];

    /// <param name="facts">True for a gate run: each of its results is a fact, so a name twice is a duplicate fact.</param>
    public static List<string> Reasons(IReadOnlyList<RunRecord> runs, bool facts = true)
    {
        var reasons = new List<string>();
        foreach (var run in runs)
        {
            var file = Path.GetFileName(run.Source);
            reasons.AddRange(CounterReasons(run, file));
            reasons.AddRange((run.RunErrors ?? []).Where(e => !EchoesAFailedResult(run, e))
                .Select(e => $"test run {file}: VSTest recorded a run-level error ({e})"));
            reasons.AddRange(TimeReasons(run, file));
            reasons.AddRange(run.Tests.Where(t => t.Duration < TimeSpan.Zero)
                .Select(t => $"{t.Name}: impossible duration ({t.Duration.ToString("c", CultureInfo.InvariantCulture)}; unparseable or negative)"));
            if (!facts) continue;
            reasons.AddRange(run.Tests.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"duplicate fact: '{g.Key}' is reported {g.Count()} times in {file} (outcomes {string.Join(", ", g.Select(t => t.Outcome))})"));
        }

        return reasons;
    }

    /// <summary>
    /// xUnit's runner also writes each failing test as an error RunInfo ("[xUnit.net 00:00:11.94]     NAME [FAIL]"). When
    /// NAME is a result of this run whose outcome is Failed, the line repeats that fact's own reason; calling it a
    /// run-level error would say the run broke when only a fact did. Any other error line (a crashed host) still counts.
    /// </summary>
    private static bool EchoesAFailedResult(RunRecord run, string error) =>
        XunitFailLine().Match(error) is { Success: true } m
            && run.Tests.Any(t => t.Outcome == "Failed" && string.Equals(t.Name, m.Groups["name"].Value, StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@"^Error: \[xUnit\.net [0-9:.]+\]\s+(?<name>.+) \[FAIL\]$")]
    private static partial System.Text.RegularExpressions.Regex XunitFailLine();

    private static IEnumerable<string> CounterReasons(RunRecord run, string file)
    {
        if (run.Counters is not { } counters) yield break;
        if (Count(counters, "total") is { } total && total != run.Tests.Count)
            yield return $"test run {file}: its counters say {total} results, it holds {run.Tests.Count}";
        foreach (var (counter, outcomes) in Counted)
        {
            var held = run.Tests.Count(t => outcomes.Contains(t.Outcome));
            var said = Count(counters, counter);
            if (said is null && counters.ContainsKey(counter))
                yield return $"test run {file}: its counter {counter}=\"{counters[counter]}\" is not a count";
            else if (said is { } n && n != held) yield return $"test run {file}: its counters say {counter} {n}, its results hold {held}";
        }
    }

    private static int? Count(IReadOnlyDictionary<string, string> counters, string name) =>
        counters.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IEnumerable<string> TimeReasons(RunRecord run, string file)
    {
        if (run.Start is { } start && run.Finish is { } finish && finish < start)
            yield return $"test run {file}: finished ({finish:O}) before it started ({start:O})";
        foreach (var (what, at) in new[] { ("started", run.Start), ("finished", run.Finish) })
        {
            if (at is { } t && t < Earliest) yield return $"test run {file}: {what} {t:O}, before any ShipGate run ({Earliest:yyyy-MM-dd})";
            if (at is { } u && u > DateTimeOffset.UtcNow.AddDays(1)) yield return $"test run {file}: {what} {u:O}, in the future";
        }
    }
}
