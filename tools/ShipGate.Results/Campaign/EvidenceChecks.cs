using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Evidence that contradicts its test, its outcome or its phase record is a red fact, never a published pass:
/// the line names another criterion, phase or node than the test it was written by; its measured number misses
/// the bound it carries under a pass; a Phase 4 class's facts passed while the record says its fault never applied.
/// </summary>
public static class EvidenceChecks
{
    /// <summary>Why a fact's evidence line contradicts its test or its outcome, or null when it agrees.</summary>
    public static string? Contradiction(TestRecord test, EvidenceLine? evidence, string? claimed, ExpectedFact? expected, ExpectedFact? named)
    {
        if (claimed is not null && expected is null)
            return $"{test.Name}: its evidence names criterion '{claimed}', which the criteria catalog does not hold";
        if (expected is not null && named is not null && expected.Key != named.Key)
            return $"{test.Name}: carries the evidence of {expected.Key}, not of its own criterion {named.Key}";
        if (evidence is null || expected is null) return null;
        if (evidence.Phase != expected.Phase)
            return $"{test.Name}: evidence says phase {evidence.Phase}, but {expected.Key} is a phase {expected.Phase} criterion";
        if (evidence.Node is not null && expected.Node is not null && evidence.Node != expected.Node)
            return $"{test.Name}: evidence is about {evidence.Node}, but {expected.Key} is {expected.Node}'s";
        return evidence.Bound is { } bound ? AgainstBound(test, evidence, bound) : null;
    }

    /// <summary>A measured number under a bound must agree with the verdict: a pass meets it, a fail misses it.</summary>
    private static string? AgainstBound(TestRecord test, EvidenceLine evidence, Bound bound)
    {
        if (J.Num(evidence.Measured) is not { } measured)
            return $"{test.Name}: evidence carries the bound {bound} but its measured value ({evidence.Measured?.ToJsonString() ?? "null"}) is not a number";
        var holds = bound.Holds(measured);
        var pass = evidence.Verdict == "pass";
        return holds == pass ? null
            : $"{test.Name}: evidence contradicts its outcome: measured {measured.ToString(CultureInfo.InvariantCulture)} " +
              $"{(holds ? "meets" : "does not meet")} {bound} under verdict {evidence.Verdict}";
    }

    /// <summary>
    /// Phase 4: a class whose record shows no cycle where its fault applied cannot have passed facts (they measured a
    /// cluster that was never struck). Returns the facts with such passes turned red, naming the record.
    /// </summary>
    public static List<Fact> AgainstRecord(int phase, IReadOnlyList<Fact> facts, JsonObject? record)
    {
        if (phase != 4) return [.. facts];
        var struck = J.Array(record, "classes").Where(c => c is not null)
            .ToDictionary(c => J.Str(c, "fault") ?? "?", c => J.Array(c, "cycles").Count(x => J.Bool(x, "fault_applied") == true));
        return facts.Select(f => f.Status == FactStatus.Passed && f.Fault is { } fault && struck.GetValueOrDefault(fault) == 0
            ? f with
            {
                Status = FactStatus.Failed,
                Reason = $"{f.Test.Name}: passed, but the phase 4 record shows no cycle of {fault} where the fault applied",
            }
            : f).ToList();
    }

    /// <summary>
    /// Phase 4: a class whose fault applied in some of its cycles but not all measured a mix of struck and unstruck
    /// clusters; each such class is named (none applied at all: <see cref="AgainstRecord"/>).
    /// </summary>
    public static IEnumerable<string> PartialFaults(JsonObject? record) =>
        J.Array(record, "classes").Where(c => J.Bool(c, "enabled") == true)
            .Select(c => (Fault: J.Str(c, "fault"), Cycles: J.Array(c, "cycles").Count,
                Applied: J.Array(c, "cycles").Count(x => J.Bool(x, "fault_applied") == true)))
            .Where(c => c.Applied > 0 && c.Applied < c.Cycles)
            .Select(c => $"phase 4 {c.Fault}: the fault applied in {c.Applied} of its {c.Cycles} cycles, not all");
}
