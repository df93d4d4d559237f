using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Whether the campaign ran at release strength (<see cref="ReleaseFloor"/>): the settings as recorded, each taken
/// at the lower of what was asked and what the phase records show ran (counted from the evidence: cycles held,
/// writes made, rows seeded, seconds measured), the cluster shape every record reports, every gated class run.
/// Below the floor it is a rehearsal: one reason per shortfall, and never a release pass.
/// </summary>
public static class Strength
{
    public static (string Strength, List<string> Shortfalls) Judge(IReadOnlyList<(int Phase, JsonObject? Record)> records)
    {
        var byPhase = records.Where(r => r.Record is not null).GroupBy(r => r.Phase).ToDictionary(g => g.Key, g => g.First().Record);
        var settings = byPhase.Values.Select(OneCampaign.Settings).FirstOrDefault(s => s is not null);
        var shortfalls = new List<string>();
        if (settings is null) shortfalls.Add("no phase record carries the settings: the campaign's strength is unknown");
        else shortfalls.AddRange(ReleaseFloor.Shortfalls(name => Lowest(settings.GetValueOrDefault(name), Ran(name, byPhase))));
        shortfalls.AddRange(RanShortfalls(byPhase));

        foreach (var (phase, record) in byPhase.OrderBy(kv => kv.Key))
        {
            var nodes = J.Num(record, "cluster", "nodes");
            var w = J.Num(record, "cluster", "quorum_writes");
            if (nodes != ReleaseFloor.Nodes || w != ReleaseFloor.QuorumWrites)
                shortfalls.Add(
                    $"phase {phase} cluster: {Text(nodes)} nodes with W = {Text(w)}, not {ReleaseFloor.Nodes} nodes with W = {ReleaseFloor.QuorumWrites}");
        }

        return (shortfalls.Count == 0 ? ReleaseFloor.Release : ReleaseFloor.Rehearsal, shortfalls.Select(s => $"{ReleaseFloor.Rehearsal}: {s}").ToList());
    }

    /// <summary>
    /// What the phase records show ran for a floor setting, counted from the evidence, not its planned fields: the
    /// cycles each gated class holds (a class that did not run holds none), the fewest writes any of their cycles
    /// made, the rows Phase 3 seeded, the seconds the soak measured.
    /// </summary>
    private static double? Ran(string setting, Dictionary<int, JsonObject?> records) => setting switch
    {
        SettingNames.ChaosCycles => records.ContainsKey(4) ? GatedClasses(records[4]).Min(c => (double)J.Array(c, "cycles").Count) : null,
        SettingNames.ChaosWrites => records.ContainsKey(4)
            ? GatedClasses(records[4]).SelectMany(c => J.Array(c, "cycles").Select(x => J.Num(x, "writes") ?? 0).Append(J.Num(c, "writes_per_cycle") ?? 0))
                .DefaultIfEmpty(0).Min()
            : null,
        SettingNames.P3Rows => Min(J.Num(records.GetValueOrDefault(3), "rows"), J.Num(records.GetValueOrDefault(3), "seed_stored")),
        SettingNames.SoakSecs => J.Num(records.GetValueOrDefault(2), "soak", "ran_seconds") is { } ran ? Math.Floor(ran) : null,
        _ => null,
    };

    /// <summary>Each gated class's entry in the Phase 4 record (an empty one for a class it lacks or did not enable).</summary>
    private static IEnumerable<JsonObject> GatedClasses(JsonObject? phase4) => Topology.GatedFaults.Select(f =>
        J.Array(phase4, "classes").OfType<JsonObject>().FirstOrDefault(c => J.Str(c, "fault") == f && J.Bool(c, "enabled") == true) ?? []);

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>What the records show beside the settings: writes Phase 2 made, its own W, gated classes that ran.</summary>
    private static IEnumerable<string> RanShortfalls(Dictionary<int, JsonObject?> byPhase)
    {
        var p2Floor = ReleaseFloor.Rows.Single(r => r.Settings.Contains(SettingNames.P2Agents)).Floor;
        if (byPhase.GetValueOrDefault(2) is { } p2)
        {
            if (J.Array(p2, "writes").Count is var made && made < p2Floor) yield return $"phase 2 writes made {made} < {p2Floor}";
            if (J.Num(p2, "quorum_writes") is var w && w != ReleaseFloor.QuorumWrites)
                yield return $"phase 2 record's own quorum_writes {Text(w)}, not W = {ReleaseFloor.QuorumWrites}";
        }

        if (byPhase.GetValueOrDefault(4) is { } p4)
        {
            foreach (var fault in Topology.GatedFaults.Where(f => !J.Array(p4, "classes").Any(c => J.Str(c, "fault") == f && J.Bool(c, "enabled") == true)))
                yield return $"gated fault class {fault} did not run (not enabled in the phase 4 record)";
        }
    }

    private static string? Lowest(string? asked, double? ran) =>
        ran is { } r && (!double.TryParse(asked, CultureInfo.InvariantCulture, out var a) || r < a) ? Text(r) : asked;

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
