using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Whether the campaign ran at release strength (<see cref="ReleaseFloor"/>): the settings as recorded, each taken
/// at the lower of what was asked and what the phase records say ran, the cluster shape, every gated class.
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

    /// <summary>What the phase records say ran for a floor setting, when they say it (the lowest over Phase 4's classes).</summary>
    private static double? Ran(string setting, Dictionary<int, JsonObject?> records) => setting switch
    {
        SettingNames.ChaosCycles => MinOverClasses(records.GetValueOrDefault(4), "cycles_completed"),
        SettingNames.ChaosWrites => MinOverClasses(records.GetValueOrDefault(4), "writes_per_cycle"),
        SettingNames.P3Rows => J.Num(records.GetValueOrDefault(3), "rows"),
        SettingNames.SoakSecs => J.Num(records.GetValueOrDefault(2), "soak", "planned_seconds"),
        _ => null,
    };

    private static double? MinOverClasses(JsonObject? phase4, string field)
    {
        var values = J.Array(phase4, "classes").Where(c => J.Bool(c, "enabled") != false).Select(c => J.Num(c, field)).OfType<double>().ToList();
        return values.Count > 0 ? values.Min() : null;
    }

    private static string? Lowest(string? asked, double? ran) =>
        ran is { } r && (!double.TryParse(asked, CultureInfo.InvariantCulture, out var a) || r < a) ? Text(r) : asked;

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
