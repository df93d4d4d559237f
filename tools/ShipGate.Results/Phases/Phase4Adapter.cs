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
        var notRun = Campaign.Completeness.NotRunFaults(e);
        var first = run.FirstOrDefault() ?? classes.FirstOrDefault();
        var required = Campaign.Completeness.RequiredFaults(e);

        yield return F("cycles_per_fault", J.Int(first, "cycles_planned"));
        yield return F("writes_per_cycle", J.Int(first, "writes_per_cycle"));
        yield return F("convergence_by_fault", new JsonObject(required.Select(f => KeyValuePair.Create(f, (JsonNode?)Bound(input.Facts, f)))));
        yield return F("faults", new JsonArray(run.Select(c => (JsonNode?)Details(c, Bound(input.Facts, J.Str(c, "fault") ?? "?"))).ToArray()));
        yield return F("not_run", J.Strings(notRun));
        yield return F("enabled_faults", J.Copy(J.At(e, "enabled_faults")) ?? new JsonArray());
        yield return F("reset_approach", J.Str(e, "reset_approach"));
        yield return F("image", J.Str(e, "image"));
        yield return F("image_id", J.Str(e, "image_id"));
        yield return F("version_row", J.Str(e, "version_row"));
        yield return F("tier", J.Str(e, "tier"));
        yield return F("setup_failure", J.Str(e, "setup_failure"));
        // Present when Phase 4 ran in shards (one run per class) merged into this one phase (Campaign.Phase4Shards).
        if (J.At(e, "shards") is { } shards) yield return F("shards", J.Copy(shards));
    }

    /// <summary>
    /// The bound the class's convergence-bound fact measured, floored to 3 decimals as the bash gate printed it;
    /// null when that fact is absent or measured nothing (Σ ok = 0). Never recomputed from the cycles.
    /// </summary>
    public static double? Bound(IEnumerable<Campaign.Fact> facts, string fault)
    {
        var measured = facts.FirstOrDefault(f => f.Evidence?.Criterion == $"p4.{fault}.convergence-bound")?.Evidence?.Measured;
        return J.Num(measured) is { } b ? Math.Floor(1000.0 * Math.Round(b, 4)) / 1000 : null;
    }

    /// <summary>One class's figures as the gate recorded them (ChaosClassEvidence's sums), never re-summed here.</summary>
    private static JsonObject Details(JsonNode? c, double? bound)
    {
        return new JsonObject
        {
            ["fault"] = J.Str(c, "fault"),
            ["description"] = J.Str(c, "description"),
            ["cycles_planned"] = J.Int(c, "cycles_planned"),
            ["cycles_completed"] = J.Int(c, "cycles_completed"),
            ["total_writes"] = J.Int(c, "sum_writes"),
            ["total_ok"] = J.Int(c, "sum_ok"),
            ["total_quorum_not_met"] = J.Int(c, "sum_quorum_not_met"),
            ["total_fail"] = J.Int(c, "sum_fail"),
            ["convergence_bound"] = bound,
            ["hung"] = J.Bool(c, "hung") ?? false,
            ["harness_error"] = J.Str(c, "harness_error"),
            ["reruns"] = J.At(c, "reruns")?.DeepClone() ?? new JsonArray(), // cycles the harness broke and the class ran again
            ["host_lateness"] = J.At(c, "host_lateness")?.DeepClone(), // the test host's own lateness while the class ran
            ["setup_failure"] = J.Str(c, "setup_failure"),
            ["budget_ms"] = J.Ms(J.Num(c, "budget_seconds")),
            ["duration_ms"] = J.Ms(J.Num(c, "seconds")),
            ["mean_cycle_ms"] = J.Ms(J.Num(c, "mean_cycle_seconds")) ?? 0,
        };
    }
}
