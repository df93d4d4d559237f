using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// A phase record's shape, refused as bad input before anything reads it: every number a finite double, each
/// Phase 4 class listed once, <c>enabled_faults</c> a list of names. A record that fails one of these cannot be
/// judged, so nothing is published from it.
/// </summary>
public static class RecordChecks
{
    public static void Validate(int phase, JsonObject? record)
    {
        if (record is null) return;
        var where = $"phase {phase} record";
        ImpossibleNumbers.RequireFinite(record, where);
        if (phase != 4) return;
        if (J.At(record, "enabled_faults") is { } enabled
            && (enabled is not JsonArray names || names.Any(n => n is not JsonValue v || v.GetValueKind() != JsonValueKind.String)))
            throw new ResultsInputException($"{where}: enabled_faults is not a list of fault class names: {enabled.ToJsonString()}");
        var twice = J.Array(record, "classes").Select(c => J.Str(c, "fault") ?? "(no fault)")
            .GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0) throw new ResultsInputException($"{where}: fault class listed more than once: {string.Join(", ", twice)}");
    }
}
