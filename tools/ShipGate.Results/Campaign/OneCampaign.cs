using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Phases merge into one campaign only when their records say they are one: the same campaign id, image, image id
/// and settings in every phase record, and the campaign id the converter was told. Otherwise one reason per field
/// that differs, naming the phases on each side. Phase 4's shards are each checked as a phase of their own, but for
/// SHIPGATE_CHAOS_FAULTS, which differs between shards by design (<see cref="Phase4Shards"/> checks their union).
/// </summary>
public static class OneCampaign
{
    /// <summary>The recorded settings of a phase record, name → value; null when the record carries none.</summary>
    public static Dictionary<string, string?>? Settings(JsonObject? record) =>
        J.At(record, "settings") is JsonArray a
            ? a.Where(s => J.Str(s, "name") is not null).GroupBy(s => J.Str(s, "name")!).ToDictionary(g => g.Key, g => J.Str(g.First(), "value"))
            : null;

    /// <summary>A shard's record as this check reads it: its settings without SHIPGATE_CHAOS_FAULTS.</summary>
    public static JsonObject? WithoutFaultsSetting(JsonObject? record)
    {
        if (record?.DeepClone() is not JsonObject copy) return null;
        if (J.At(copy, "settings") is JsonArray settings) settings.RemoveAll(s => J.Str(s, "name") == SettingNames.ChaosFaults);
        return copy;
    }

    /// <param name="records">Each phase record with how a reason names it: "1", "2", … or a Phase 4 shard's label.</param>
    /// <param name="refOption">The ai-memory ref the converter was told (--ref); compared with the recorded one when both are known.</param>
    public static List<string> Reasons(IReadOnlyList<(string Phase, JsonObject? Record)> records, string campaignOption, string refOption = Unknown)
    {
        var reasons = new List<string>();
        var withRecord = records.Where(r => r.Record is not null).ToList();
        // A record that names no image, image id or campaign could join any campaign: it joins none.
        foreach (var (phase, record) in withRecord)
        {
            foreach (var (field, value) in new[] { ("image", J.Str(record, "image")), ("image_id", J.Str(record, "image_id")),
                ("campaign id", Settings(record)?.GetValueOrDefault(SettingNames.CampaignId)) })
                if (string.IsNullOrWhiteSpace(value)) reasons.Add($"phase {phase}: its record names no {field}, so it belongs to no campaign");
        }

        reasons.AddRange(withRecord.Where(r => Settings(r.Record) is null)
            .Select(r => $"phase {r.Phase}: its record carries no settings, so its campaign is unknown"));
        var settings = withRecord.Select(r => (r.Phase, Settings: Settings(r.Record))).Where(r => r.Settings is not null).ToList();

        Differs("campaign id", withRecord.Select(r => (r.Phase, Settings(r.Record)?.GetValueOrDefault(SettingNames.CampaignId))), reasons);
        Differs("image", withRecord.Select(r => (r.Phase, J.Str(r.Record, "image"))), reasons);
        Differs("image_id", withRecord.Select(r => (r.Phase, J.Str(r.Record, "image_id"))), reasons);
        // The version row decides what the nodes were given (key, profile, tier): phases set up differently are two campaigns.
        Differs("version_row", withRecord.Select(r => (r.Phase, J.Str(r.Record, "version_row"))), reasons);
        Differs("tier", withRecord.Select(r => (r.Phase, J.Str(r.Record, "tier"))), reasons);
        foreach (var name in settings.SelectMany(s => s.Settings!.Keys).Distinct().Where(n => n != SettingNames.CampaignId).Order(StringComparer.Ordinal))
            Differs($"setting {name}", settings.Select(s => (s.Phase, s.Settings!.GetValueOrDefault(name))), reasons);

        var recorded = settings.Select(s => s.Settings!.GetValueOrDefault(SettingNames.CampaignId)).OfType<string>().Distinct().ToList();
        if (recorded.Count > 0 && !recorded.Contains(campaignOption))
            reasons.Add($"the campaign id given ({campaignOption}) differs from the recorded campaign id {string.Join(", ", recorded)}");
        var refs = settings.Select(s => s.Settings!.GetValueOrDefault(SettingNames.AiMemoryRef)).Where(Known).Distinct().ToList();
        if (Known(refOption) && refs.Count > 0 && !refs.Contains(refOption))
            reasons.Add($"the ai-memory ref given ({refOption}) differs from the recorded ref {string.Join(", ", refs)}");
        return reasons;
    }

    private const string Unknown = "unknown";

    private static bool Known(string? value) => !string.IsNullOrWhiteSpace(value) && value != Unknown;

    /// <summary>One reason when the phases' values of a field are not all the same (an absent value is left out).</summary>
    private static void Differs(string field, IEnumerable<(string Phase, string? Value)> values, List<string> reasons)
    {
        var groups = values.Where(v => v.Value is not null).GroupBy(v => v.Value!, StringComparer.Ordinal).ToList();
        if (groups.Count < 2) return;
        var sides = groups.Select(g => $"phase {string.Join(", ", g.Select(v => v.Phase).Distinct())}: {g.Key}");
        reasons.Add($"phases do not belong to one campaign: {field} differs ({string.Join("; ", sides)})");
    }
}
