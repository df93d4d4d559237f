using ShipGate.Results.Campaign;

namespace ShipGate.Results.Model;

/// <summary>The settings a run recorded: name → value from the first phase record of its results that carries them.</summary>
public static class RecordedSettings
{
    public static Dictionary<string, string?> Of(IEnumerable<TestRecord> tests) =>
        tests.Select(t => Fact.From(t, "").PhaseEvidenceJson).OfType<string>()
            .Select(json => OneCampaign.Settings(Fact.ParsePhaseEvidence(json).Item1)).FirstOrDefault(s => s is not null) ?? [];
}
