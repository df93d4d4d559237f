using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

public enum FactStatus
{
    Passed,
    Failed,
    NotRun,
}

/// <summary>The <c>##shipgate-evidence</c> line of one fact; <see cref="Bound"/> is null for a criterion not judged by a number.</summary>
public sealed record EvidenceLine(
    string Criterion, int Phase, string? Node, string Verdict, JsonNode? Measured, JsonNode? Threshold, string Message, Bound? Bound = null);

/// <summary>
/// One test joined with its evidence and classified, failing closed: only Passed with a "pass" evidence line that
/// agrees with its test and its bound passes; a skip marked as an opt-in class's (<see cref="OptInSkip"/>) is NotRun;
/// everything else failed. <see cref="Expected"/> is the catalog fact the evidence line names (the skip marker for a
/// skip, the display name only when the test wrote neither): the key, phase, node and class come from it.
/// </summary>
/// <param name="EvidenceText">The evidence line's JSON as the TRX holds it (compared with its recomputation, <see cref="Recompute"/>).</param>
public sealed partial record Fact(TestRecord Test, string Source, int? Phase, string? Node, FactStatus Status, string Reason, EvidenceLine? Evidence,
    string? PhaseEvidenceJson, ExpectedFact? Expected = null, string? EvidenceText = null)
{
    /// <summary>The fact's criterion key (catalog key), or null when neither evidence nor name maps to the catalog.</summary>
    public string? Key => Expected?.Key ?? Evidence?.Criterion;

    /// <summary>The Phase 4 fault class the fact is about, from the catalog; null for other facts.</summary>
    public string? Fault => Expected?.Fault;

    public const string EvidencePrefix = ShipGate.Contract.EvidenceLines.FindingPrefix;
    public const string PhaseEvidencePrefix = ShipGate.Contract.EvidenceLines.PhasePrefix;

    /// <summary>Label for a check line: the display name without its "Phase N · " prefix.</summary>
    public string Label => PhasePrefix().Replace(Test.Name, "");

    public static Fact From(TestRecord test, string source)
    {
        EvidenceLine? evidence = null;
        string? evidenceProblem = null;
        string? phaseEvidence = null;
        string? evidenceText = null;
        foreach (var raw in test.StdOut.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(EvidencePrefix, StringComparison.Ordinal) && evidenceText is null)
            {
                evidenceText = line[EvidencePrefix.Length..];
                (evidence, evidenceProblem) = ParseEvidence(evidenceText);
            }
            else if (line.StartsWith(PhaseEvidencePrefix, StringComparison.Ordinal) && phaseEvidence is null)
                phaseEvidence = line[PhaseEvidencePrefix.Length..];
        }

        var named = ByName.Value.GetValueOrDefault(test.Name);
        var claimed = evidence?.Criterion ?? (IsSkip(test) ? OptInSkip.KeyOf(test.ErrorMessage) : null);
        var expected = claimed is null ? named : ByKey(claimed);
        var phase = evidence?.Phase ?? expected?.Phase ?? PhaseOf(test);
        var node = expected?.Node ?? evidence?.Node ?? NodeOf(test.Name);
        var (status, reason) = Classify(test, phase, evidence, evidenceProblem);
        if (status != FactStatus.Failed && EvidenceChecks.Contradiction(test, evidence, claimed, expected, named) is { } contradiction)
            (status, reason) = (FactStatus.Failed, contradiction);
        return new Fact(test, source, phase, node, status, reason, evidence, phaseEvidence, expected, evidenceText);
    }

    private static readonly Lazy<Dictionary<string, ExpectedFact>> ByName =
        new(() => CriteriaCatalog.Phases.SelectMany(CriteriaCatalog.AllFacts).ToDictionary(f => f.DisplayName, StringComparer.Ordinal));

    private static ExpectedFact? ByKey(string key)
    {
        try
        {
            return CriteriaCatalog.Fact(key);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static bool IsSkip(TestRecord test) => test.Outcome is "NotExecuted" or "Skipped";

    private static (FactStatus, string) Classify(TestRecord test, int? phase, EvidenceLine? evidence, string? evidenceProblem)
    {
        if (IsSkip(test))
        {
            // Only the marked skip of an opt-in class's fact is "not run"; EvidenceChecks.Contradiction checks the key it names.
            return ByKey(OptInSkip.KeyOf(test.ErrorMessage) ?? "")?.Fault is { } fault && Topology.OptInFaults.Contains(fault)
                ? (FactStatus.NotRun, FirstLine(test.ErrorMessage![OptInSkip.Marker.Length..]) ?? "not enabled")
                : (FactStatus.Failed, $"{test.Name}: skipped ({FirstLine(test.ErrorMessage) ?? "no reason"}) — a gate criterion is never skipped");
        }

        if (test.Outcome != "Passed")
        {
            // Named by its own outcome; a pass message from its evidence line would read as a pass.
            var said = evidence is { Verdict: not "pass", Message.Length: > 0 } ? evidence.Message : FirstLine(test.ErrorMessage) ?? "no message";
            return (FactStatus.Failed, $"{evidence?.Criterion ?? test.Name}: outcome {test.Outcome}: {said}");
        }

        if (evidenceProblem is not null)
            return (FactStatus.Failed, $"{test.Name}: evidence line did not parse: {evidenceProblem}");
        if (evidence is null)
            return phase is null ? (FactStatus.Passed, "passed") : (FactStatus.Failed, $"{test.Name}: passed but wrote no {EvidencePrefix.Trim()} line");
        return evidence.Verdict == "pass"
            ? (FactStatus.Passed, evidence.Message)
            : (FactStatus.Failed, $"{test.Name}: test passed but its evidence says {evidence.Verdict}: {evidence.Message}");
    }

    /// <summary>An evidence line's JSON read as the converter reads every line (also a recomputed one).</summary>
    public static (EvidenceLine?, string?) ParseEvidence(string json)
    {
        try
        {
            var o = Strict(json) as JsonObject ?? throw new JsonException("not a JSON object");
            var criterion = J.Str(o, "criterion") ?? throw new JsonException("no criterion");
            var phase = J.Num(o, "phase") is { } p ? (int)p : throw new JsonException("no phase");
            var verdict = J.Str(o, "verdict") ?? throw new JsonException("no verdict");
            var bound = J.At(o, EvidenceLines.BoundField) is { } b
                ? new Bound(
                    J.Str(b, "op") ?? throw new JsonException("bound without op"),
                    J.Num(b, "value") ?? throw new JsonException("bound without a numeric value"))
                : null;
            var line = new EvidenceLine(criterion, phase, J.Str(o, "node"), verdict,
                J.Copy(J.At(o, "measured")), J.Copy(J.At(o, "threshold")), J.Str(o, "message") ?? "", bound);
            return (line, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>JSON as the gate writes it: a key twice in one object is an error, not a value to pick.</summary>
    private static JsonNode? Strict(string json) => JsonNode.Parse(json, null, new JsonDocumentOptions { AllowDuplicateProperties = false });

    /// <summary>The phase evidence record, or why it did not parse.</summary>
    public static (JsonObject?, string?) ParsePhaseEvidence(string json)
    {
        try
        {
            return (Strict(json) as JsonObject ?? throw new JsonException("not a JSON object"), null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    private static int? PhaseOf(TestRecord test)
    {
        var m = PhasePrefix().Match(test.Name);
        if (m.Success) return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var c = PhaseClass().Match(test.ClassName ?? "");
        return c.Success ? int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string? NodeOf(string name) => NodeInName().Match(name) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? FirstLine(string? text) => text?.Split('\n')[0].Trim() is { Length: > 0 } l ? l : null;

    [GeneratedRegex(@"^Phase (\d+) · ")]
    private static partial Regex PhasePrefix();

    [GeneratedRegex(@"(?:^|\.)Phase(\d+)Tests$")]
    private static partial Regex PhaseClass();

    [GeneratedRegex(@" · (node-[a-z]) · ")]
    private static partial Regex NodeInName();
}
