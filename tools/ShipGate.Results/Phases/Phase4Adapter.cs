using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Phases;

/// <summary>
/// Phase 4 → phase4.json: cycles_per_fault, writes_per_cycle, convergence_by_fault (floored to 3 decimals like the
/// bash gate), per-class details, and the opt-in classes that were not run.
/// </summary>
public sealed class Phase4Adapter : PhaseAdapter
{
    public override int Phase => 4;

    public override string Name => "chaos";

    public override string Proves =>
        "Per fault class, cycles × writes against a W=2 cluster while the fault strikes mid-write; both survivors hold " +
        "Σ min(count) / Σ ok ≥ 0.995 of the acknowledged writes (convergence_bound), within the class's time budget.";

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input)
    {
        var e = input.Evidence;
        var classes = J.Array(e, "classes").Where(c => c is not null).ToList();
        var run = classes.Where(c => J.Bool(c, "enabled") != false).ToList();
        var notRun = classes.Where(c => J.Bool(c, "enabled") == false).Select(c => J.Str(c, "fault") ?? "?")
            .Concat(input.Facts.Where(f => f.Status == Campaign.FactStatus.NotRun).Select(f => FaultOf(f.Test.Name)).OfType<string>())
            .Distinct().ToList();
        var first = run.FirstOrDefault() ?? classes.FirstOrDefault();

        yield return F("cycles_per_fault", J.Int(first, "cycles_planned"));
        yield return F("writes_per_cycle", J.Int(first, "writes_per_cycle"));
        yield return F("convergence_by_fault", new JsonObject(run.Select(c => KeyValuePair.Create(J.Str(c, "fault") ?? "?", (JsonNode?)Bound(c)))));
        yield return F("faults", new JsonArray(run.Select(c => (JsonNode?)Details(c)).ToArray()));
        yield return F("not_run", J.Strings(notRun));
        yield return F("enabled_faults", J.Copy(J.At(e, "enabled_faults")) ?? new JsonArray());
        yield return F("reset_approach", J.Str(e, "reset_approach"));
        yield return F("image", J.Str(e, "image"));
        yield return F("setup_failure", J.Str(e, "setup_failure"));
    }

    /// <summary>Σ min(count_node1, count_node2) / Σ ok, floored to 3 decimals; Σ ok = 0 gives 0 (the bash gate's 1 was a vacuous pass).</summary>
    public static double Bound(JsonNode? c)
    {
        var cycles = J.Array(c, "cycles");
        var ok = cycles.Sum(x => J.Int(x, "ok"));
        if (ok == 0) return 0;
        var held = cycles.Sum(x => Math.Min(J.Int(x, "count_node1"), J.Int(x, "count_node2")));
        return Math.Floor(1000.0 * held / ok) / 1000;
    }

    private static JsonObject Details(JsonNode? c)
    {
        var cycles = J.Array(c, "cycles");
        return new JsonObject
        {
            ["fault"] = J.Str(c, "fault"),
            ["description"] = J.Str(c, "description"),
            ["cycles_planned"] = J.Int(c, "cycles_planned"),
            ["cycles_completed"] = cycles.Count,
            ["total_writes"] = cycles.Sum(x => J.Int(x, "writes")),
            ["total_ok"] = cycles.Sum(x => J.Int(x, "ok")),
            ["total_quorum_not_met"] = cycles.Sum(x => J.Int(x, "quorum_not_met")),
            ["total_fail"] = cycles.Sum(x => J.Int(x, "fail")),
            ["convergence_bound"] = Bound(c),
            ["hung"] = J.Bool(c, "hung") ?? false,
            ["harness_error"] = J.Str(c, "harness_error"),
            ["setup_failure"] = J.Str(c, "setup_failure"),
            ["budget_ms"] = J.Ms(J.Num(c, "budget_seconds")),
            ["duration_ms"] = J.Ms(J.Num(c, "seconds")),
            ["mean_cycle_ms"] = cycles.Count == 0 ? 0 : J.Ms(cycles.Average(x => J.Num(x, "wall_seconds") ?? 0)),
        };
    }

    /// <summary>The fault class named in a Phase 4 display name ("Phase 4 · pause_peer · Σok &gt; 0").</summary>
    public static string? FaultOf(string testName)
    {
        var parts = testName.Split(" · ");
        return parts.Length >= 3 && parts[1].All(ch => char.IsAsciiLetterLower(ch) || ch == '_') ? parts[1] : null;
    }
}
