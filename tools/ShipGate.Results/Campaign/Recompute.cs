using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Fixtures.Evidence;
using ShipGate.Fixtures.Verdicts;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Every fact's verdict, recomputed by the catalog's own code (<see cref="CriteriaVerdicts.Judge"/>) from its phase
/// record read strictly into the gate's own evidence type (<see cref="PhaseRecords"/>): the TRX outcome and the
/// evidence line are reports, never inputs. A fact passes only when the TRX says Passed and the recomputed verdict
/// is pass; a TRX outcome that differs from the recomputation is red, naming both. The fact then carries the
/// recomputed line (its measured value, threshold and message) in place of the one it wrote, so what the results
/// show is what the catalog computed: a line that says otherwise changes nothing.
/// </summary>
public static class Recompute
{
    /// <returns>
    /// The facts judged again; why the record could not be read (null when it was); and the record as its type writes
    /// it (the envelope kept), so every derived figure (cycles completed, sums, the convergence bound) is computed
    /// from what the record holds, not read from what it claims.
    /// </returns>
    public static (List<Fact> Facts, string? Problem, JsonObject? Record) Judge(int phase, IReadOnlyList<Fact> facts, JsonObject? record)
    {
        if (record is null) return ([.. facts], null, null);
        object evidence;
        try
        {
            evidence = PhaseRecords.Read(phase, WithoutConverterFields(record));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            var problem = $"its record does not read as {PhaseRecords.Types.GetValueOrDefault(phase)?.Name ?? "evidence"}: {e.Message}";
            return (facts.Select(f => f.Status == FactStatus.Passed ? f with { Status = FactStatus.Failed, Reason = $"{f.Test.Name}: {problem}" } : f).ToList(),
                problem, record);
        }

        return (facts.Select(f => Again(f, evidence)).ToList(), null, PhaseRecords.Rewrite(phase, record, evidence, ConverterFields));
    }

    /// <summary>What the converter itself adds to a record (Phase 4's merged shards): no part of the evidence type.</summary>
    private static readonly string[] ConverterFields = [Phase4Shards.ShardsField];

    private static JsonObject WithoutConverterFields(JsonObject record)
    {
        if (!ConverterFields.Any(record.ContainsKey)) return record;
        var copy = (JsonObject)record.DeepClone();
        foreach (var field in ConverterFields) copy.Remove(field);
        return copy;
    }

    private static Fact Again(Fact fact, object evidence)
    {
        if (fact.Expected is not { } expected || fact.Status == FactStatus.NotRun) return fact;
        var finding = CriteriaVerdicts.Judge(expected, evidence);
        var (line, _) = Fact.ParseEvidence(FindingLine.Of(finding));
        var recomputed = FindingLine.Label(finding.Verdict.Outcome);
        var disagree = (fact.Test.Outcome == "Passed") != finding.Verdict.Passed;
        if (fact.Status == FactStatus.Failed)
        {
            // Already red for a reason of its own (a skip, a contradiction, its outcome): that reason stays, and a
            // record that says otherwise is named beside it.
            var also = disagree ? $" (its record's recomputed verdict is {recomputed}: {finding.Verdict.Message})" : "";
            return fact with { Evidence = line ?? fact.Evidence, Reason = fact.Reason + also };
        }

        if (!finding.Verdict.Passed || disagree)
        {
            return fact with
            {
                Status = FactStatus.Failed,
                Evidence = line,
                Reason = $"{expected.Key}: outcome {fact.Test.Outcome} in the TRX, but its record's recomputed verdict is {recomputed}: "
                    + finding.Verdict.Message,
            };
        }

        return fact with { Evidence = line, Reason = finding.Verdict.Message };
    }
}
