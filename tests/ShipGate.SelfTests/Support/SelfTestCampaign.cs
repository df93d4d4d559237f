using System.Diagnostics;
using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// Runs a phase with the very campaign and verdict code the gate uses (Phase{N}Campaign, CriteriaVerdicts over the criteria catalog).
/// A campaign that outlives <see cref="Ceiling"/> is a gate that hangs instead of going red: the test fails
/// saying so, rather than stalling the suite.
/// </summary>
public static class SelfTestCampaign
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One phase with <paramref name="faultSwitch"/> on every node, in the phase's self-test shape (Phase 4 with
    /// <paramref name="classes"/>), <paramref name="extra"/> winning over the shape.
    /// </summary>
    public static Task<PhaseRun> PhaseAsync(
        int phase, string? faultSwitch, string variant, TestLog log, IReadOnlyDictionary<string, string>? extra, IReadOnlyList<string> classes) => phase switch
    {
        1 => Phase1Async(SelfTestSettings.For(faultSwitch, 1, null, extra), variant, log),
        2 => Phase2Async(SelfTestSettings.For(faultSwitch, 2, SelfTestSettings.Phase2Shape, extra), variant, log),
        3 => Phase3Async(SelfTestSettings.For(faultSwitch, 3, SelfTestSettings.Phase3Shape, extra), variant, log),
        _ => Phase4Async(SelfTestSettings.For(faultSwitch, 4, SelfTestSettings.Phase4Shape([.. classes]), extra), variant, log),
    };

    public static Task<PhaseRun> Phase1Async(GateSettings s, string variant, TestLog log) =>
        RunAsync(1, variant, log, async ct => CriteriaVerdicts.Findings(1, await new Phase1Campaign(s, log.Line).RunAsync(ct)));

    public static Task<PhaseRun> Phase2Async(GateSettings s, string variant, TestLog log) =>
        RunAsync(2, variant, log, async ct => CriteriaVerdicts.Findings(2, await new Phase2Campaign(s, log.Line).RunAsync(ct)));

    public static Task<PhaseRun> Phase3Async(GateSettings s, string variant, TestLog log) =>
        RunAsync(3, variant, log, async ct => CriteriaVerdicts.Findings(3, await new Phase3Campaign(s, log.Line).RunAsync(ct)));

    /// <summary>
    /// Only the classes the settings enable are judged (plus the phase-wide facts: preflight, HTTP shape): a self-test
    /// runs the classes its mutant needs, and the gated classes it leaves out would otherwise show as "did not run".
    /// </summary>
    public static async Task<PhaseRun> Phase4Async(GateSettings s, string variant, TestLog log)
    {
        var enabled = FaultClass.Enabled(s.Faults);
        var notRun = FaultClass.All.Where(c => !enabled.Contains(c)).Select(c => $"p4.{c.Name}.").ToList();
        Phase4Evidence? evidence = null;
        var run = await RunAsync(4, variant, log, async ct =>
        {
            evidence = await new Phase4Campaign(s, log.Line).RunAsync(ct);
            LogFaults(evidence, log);
            var findings = CriteriaVerdicts.Findings(4, evidence);
            return [.. findings.Where(f => !notRun.Any(p => f.Criterion.StartsWith(p, StringComparison.Ordinal)))];
        });
        return run with { Chaos = evidence };
    }

    /// <summary>Per cycle what the writer got and whether the fault applied, and the fault timeline: did the fault meet the writes?</summary>
    private static void LogFaults(Phase4Evidence e, TestLog log)
    {
        foreach (var c in e.Classes.Where(c => c.Enabled))
        {
            foreach (var x in c.Cycles)
                log.Line($"{c.Fault} c{x.Cycle}{(c.Lanes > 1 ? $" lane {x.Lane}" : "")}: 201×{x.Ok} 503×{x.QuorumNotMet} other×{x.Fail} of {x.Writes}, "
                    + $"fault applied {x.FaultApplied?.ToString() ?? "never (trigger not reached)"}, writes {x.Timings?.Writes:0.00} s");
            foreach (var t in c.Timeline)
                log.Line($"{c.Fault} c{t.Cycle} {t.At:HH:mm:ss.fff} {t.Action} on {t.Target} "
                    + $"took {t.TookMs:0} ms{(t.Error is null ? "" : $" FAILED {t.Error}")}");
        }
    }

    private static async Task<PhaseRun> RunAsync(int phase, string variant, TestLog log, Func<CancellationToken, Task<IReadOnlyList<Finding>>> run)
    {
        log.Line($"phase {phase} [{variant}] campaign starts");
        var clock = Stopwatch.StartNew();
        using var ceiling = new CancellationTokenSource(Ceiling);
        IReadOnlyList<Finding> findings;
        try
        {
            findings = await run(ceiling.Token);
        }
        catch (OperationCanceledException) when (ceiling.IsCancellationRequested)
        {
            log.Line($"phase {phase} [{variant}] still running after {Ceiling.TotalMinutes:0} min: cancelled");
            throw new TimeoutException($"phase {phase} [{variant}]: the campaign did not finish within {Ceiling.TotalMinutes:0} min — "
                + "the gate hangs instead of going red");
        }

        var result = new PhaseRun(phase, variant, findings, clock.Elapsed);
        log.Line($"phase {phase} [{variant}] campaign wall time {result.Wall.TotalSeconds:0.0} s: {findings.Count - result.Red.Count} green, "
            + $"{result.Red.Count} red");
        return result;
    }
}
