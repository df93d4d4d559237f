using System.Text.Json.Nodes;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// What a complete phase holds, from the criteria catalog: every row's facts, per node and per fault class.
/// Gated classes always; an opt-in class when the phase evidence says it was enabled. A skip is "not run" only
/// for an opt-in class that was not enabled; any other skip, like any missing fact, is a named failure.
/// </summary>
public static class Completeness
{
    /// <summary>The fault classes whose facts must have run: the gated ones and every enabled opt-in one.</summary>
    public static IReadOnlyList<string> RequiredFaults(JsonObject? phaseEvidence)
    {
        var enabled = J.Array(phaseEvidence, "enabled_faults").Select(f => f?.GetValue<string>()).OfType<string>().ToHashSet();
        return Topology.AllFaults.Where(f => Topology.GatedFaults.Contains(f) || enabled.Contains(f)).ToList();
    }

    /// <summary>The phase's facts with skips judged against the catalog, and one reason per missing fact (matched by criterion key).</summary>
    public static (List<Fact> Facts, List<string> Missing) Judge(int phase, IReadOnlyList<Fact> facts, JsonObject? evidence)
    {
        var required = CriteriaCatalog.Facts(phase, RequiredFaults(evidence)).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var judged = facts.Select(f => f.Status == FactStatus.NotRun && (f.Key is null || required.ContainsKey(f.Key))
            ? f with
            {
                Status = FactStatus.Failed,
                Reason = $"{f.Test.Name}: skipped ({f.Reason}) — only an opt-in fault class that is not enabled may be skipped",
            }
            : f).ToList();
        var present = facts.Select(f => f.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = required.Values.Where(f => !present.Contains(f.Key))
            .Select(f => $"{f.DisplayName}: missing from the test results (filtered out or never ran)").ToList();
        return (judged, missing);
    }

    /// <summary>Opt-in classes that did not run (their facts skipped or absent): listed in phase4.json and the summary.</summary>
    public static IReadOnlyList<string> NotRunFaults(JsonObject? evidence) =>
        Topology.OptInFaults.Except(RequiredFaults(evidence)).ToList();
}
