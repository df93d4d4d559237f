using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>One Phase 4 run of a sharded campaign: its TRX, its phase record and the fault classes it enabled.</summary>
public sealed record Phase4Shard(string Source, JsonObject? Record, IReadOnlyList<string> Enabled)
{
    /// <summary>How reasons name it: "4 (partition_minority shard)".</summary>
    public string Label => $"4 ({(Enabled.Count > 0 ? string.Join(", ", Enabled) : "no class")} shard)";
}

/// <summary>Phase 4 merged from its shards: one fact per catalog key, one record, and why the shards are not one Phase 4.</summary>
public sealed record Phase4Merge(List<Fact> Facts, JsonObject? Record, string? Problem, IReadOnlyList<Phase4Shard> Shards, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Each shard's record as <see cref="OneCampaign"/> checks it (without SHIPGATE_CHAOS_FAULTS, checked here as a
    /// union), named by its classes when there are several.
    /// </summary>
    public IEnumerable<(string Label, JsonObject? Record)> CampaignRecords =>
        Shards.Select(s => (Shards.Count > 1 ? s.Label : $"{Phase4Shards.Phase}", OneCampaign.WithoutFaultsSetting(s.Record)));
}

/// <summary>
/// Phase 4 run as shards (several runs, e.g. one CI job per fault class, SHIPGATE_CHAOS_FAULTS naming its class)
/// merged into one Phase 4. A class's facts and its record entry come from the shard that enabled it; a shard's
/// facts of a class it did not enable are left out (they say "did not run"), unless no shard enabled it: then they
/// stay, red for a gated class. A once-fact (preflight, HTTP shape) ran in every shard: a red copy wins. The union
/// of the shards' classes must be the campaign's intended ones (what the other phases recorded in
/// SHIPGATE_CHAOS_FAULTS, else the gated classes), each class in exactly one shard; else one reason each.
/// </summary>
public static class Phase4Shards
{
    /// <summary>The merged record's list of its shards: the converter's addition, not evidence.</summary>
    public const string ShardsField = "shards";

    public const int Phase = 4;

    /// <summary>
    /// The merge, or null when Phase 4 is not sharded: it came from one run, which also ran the other phases (or
    /// ran alone). One Phase 4 run beside other phases' runs is a shard too: the campaign's other shards are missing.
    /// </summary>
    public static Phase4Merge? Merge(IReadOnlyList<Fact> allFacts, IReadOnlyList<(int Phase, JsonObject? Record)> otherPhases)
    {
        var phaseFacts = allFacts.Where(f => f.Phase == Phase).ToList();
        var sources = phaseFacts.Select(f => f.Source).Distinct().ToList();
        var others = allFacts.Where(f => f.Phase is not null and not Phase).Select(f => f.Source).ToHashSet();
        if (sources.Count < 2 && (others.Count == 0 || others.Overlaps(sources))) return null;
        var shards = sources.Select(s => Shard(s, phaseFacts.Where(f => f.Source == s).ToList())).ToList();
        var facts = phaseFacts.GroupBy(f => f.Key ?? "\0" + f.Source + f.Test.Id).Select(g => Pick(g.ToList(), shards)).ToList();
        var records = shards.Where(s => s.Record is not null).ToList();
        var problem = shards.Count == records.Count ? null
            : $"shard {Path.GetFileName(shards.First(s => s.Record is null).Source)} wrote no phase 4 record that parses";
        return new Phase4Merge(facts, records.Count > 0 ? Record(records) : null, problem, shards, Reasons(shards, otherPhases));
    }

    /// <summary>Canonical class names of a SHIPGATE_CHAOS_FAULTS value (aliases resolved), in the catalog's order.</summary>
    public static IReadOnlyList<string> Classes(string? setting)
    {
        var names = (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return FaultClasses.All.Where(c => names.Contains(c.Name) || c.Aliases.Any(names.Contains)).Select(c => c.Name).ToList();
    }

    private static Phase4Shard Shard(string source, List<Fact> facts)
    {
        var (record, _) = CampaignBuilder.PhaseEvidence(facts);
        var enabled = Classes(string.Join(",", J.Array(record, "enabled_faults").Select(f => f?.GetValue<string>())));
        return new Phase4Shard(source, record, enabled);
    }

    /// <summary>The copy of one fact the merged phase keeps: from the shards that own it, a red one first.</summary>
    private static Fact Pick(List<Fact> copies, List<Phase4Shard> shards)
    {
        var fault = copies[0].Fault;
        var owners = fault is null ? copies : copies.Where(f => shards.Any(s => s.Source == f.Source && s.Enabled.Contains(fault))).ToList();
        var pool = owners.Count > 0 ? owners : copies;
        return pool.FirstOrDefault(f => f.Status == FactStatus.Failed) ?? pool[0];
    }

    /// <summary>The first shard's record with each class's entry from the shard that ran it, the union of the classes, every shard's shapes.</summary>
    private static JsonObject Record(List<Phase4Shard> shards)
    {
        var merged = (JsonObject)shards[0].Record!.DeepClone();
        var union = Union(shards);
        merged["enabled_faults"] = J.Strings(union);
        merged["classes"] = new JsonArray(J.Array(merged, "classes").Select(c => J.Str(c, "fault")).Select(fault =>
            (JsonNode?)J.Copy(shards.Where(s => s.Enabled.Contains(fault ?? "")).Select(s => ClassEntry(s, fault)).FirstOrDefault(c => c is not null)
                ?? ClassEntry(shards[0], fault))).ToArray());
        // Side by side, the phase took as long as its slowest shard.
        merged["seconds"] = shards.Max(s => J.Num(s.Record, "seconds") ?? 0);
        merged["setup_failure"] = shards.Select(s => J.Str(s.Record, "setup_failure")).FirstOrDefault(f => f is not null);
        merged["shapes"] = new JsonArray(shards.SelectMany(s => J.Array(s.Record, "shapes")).Select(J.Copy).ToArray());
        if (J.At(merged, "settings") is JsonArray settings)
        {
            foreach (var s in settings.Where(s => J.Str(s, "name") == SettingNames.ChaosFaults)) s!["value"] = string.Join(",", union);
        }

        merged[ShardsField] = new JsonArray(shards.Select(s => (JsonNode?)new JsonObject
        {
            ["trx"] = Path.GetFileName(s.Source),
            ["enabled_faults"] = J.Strings(s.Enabled),
            ["seconds"] = J.Num(s.Record, "seconds"),
        }).ToArray());
        return merged;
    }

    private static JsonNode? ClassEntry(Phase4Shard shard, string? fault) => J.Array(shard.Record, "classes").FirstOrDefault(c => J.Str(c, "fault") == fault);

    private static List<string> Union(IEnumerable<Phase4Shard> shards) =>
        Topology.AllFaults.Where(f => shards.Any(s => s.Enabled.Contains(f))).ToList();

    private static List<string> Reasons(List<Phase4Shard> shards, IReadOnlyList<(int Phase, JsonObject? Record)> otherPhases)
    {
        var asked = otherPhases.Where(p => p.Phase != Phase).Select(p => OneCampaign.Settings(p.Record)?.GetValueOrDefault(SettingNames.ChaosFaults))
            .FirstOrDefault(v => v is not null);
        var intended = asked is null ? Topology.GatedFaults : Classes(asked);
        var whose = asked is null ? "the gated classes (no other phase recorded " + SettingNames.ChaosFaults + ")" : $"{SettingNames.ChaosFaults}={asked}";
        var reasons = new List<string>();
        var union = Union(shards);
        reasons.AddRange(intended.Except(union).Select(c => $"phase 4: fault class {c} ran in no shard, though the campaign asked for it ({whose})"));
        foreach (var c in union)
        {
            var runners = shards.Where(s => s.Enabled.Contains(c)).Select(s => Path.GetFileName(s.Source)).ToList();
            if (runners.Count > 1)
                reasons.Add($"phase 4: fault class {c} ran in {runners.Count} shards ({string.Join(", ", runners)}); each class runs in one");
            if (!intended.Contains(c))
                reasons.Add($"phase 4: shard {string.Join(", ", runners)} ran fault class {c}, which no other phase asked for ({whose})");
        }

        return reasons;
    }
}
