using System.Text.Json;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using Xunit.Sdk;

namespace ShipGate.Tests.Support;

/// <summary>
/// What every fact does: write its finding (and, the first fact of a phase, the phase evidence record) to the
/// test output for the TRX→JSON converter, then pass only on a Pass verdict. NoEvidence is red, like Fail.
/// </summary>
public static class Gate
{
    public const string EvidencePrefix = EvidenceLines.FindingPrefix;
    public const string PhaseEvidencePrefix = EvidenceLines.PhasePrefix;

    public static JsonSerializerOptions Json => EvidenceLines.Json;

    /// <summary>Judges the catalog fact <paramref name="key"/> against the fixture's evidence and checks it.</summary>
    public static void Check<TEvidence>(string key, PhaseFixture<TEvidence> fixture, ITestOutputHelper output) where TEvidence : class =>
        Check(CriteriaVerdicts.Judge(CriteriaCatalog.Fact(key), fixture.Evidence), fixture.TakeRecord(), output);

    /// <param name="phaseRecord">The phase evidence record, or null when another fact of the phase already wrote it.</param>
    public static void Check(Finding finding, System.Text.Json.Nodes.JsonObject? phaseRecord, ITestOutputHelper output)
    {
        output.WriteLine(EvidencePrefix + EvidenceLine(finding));
        if (phaseRecord is not null) output.WriteLine(PhaseEvidencePrefix + phaseRecord.ToJsonString(Json));
        if (!finding.Verdict.Passed)
            throw new XunitException($"{finding.Criterion}: {Label(finding.Verdict.Outcome)}: {finding.Verdict.Message}");
        output.WriteLine($"{finding.Criterion}: pass: {finding.Verdict.Message}");
    }

    public static string EvidenceLine(Finding finding) => FindingLine.Of(finding);

    public static string Label(Outcome outcome) => FindingLine.Label(outcome);
}
