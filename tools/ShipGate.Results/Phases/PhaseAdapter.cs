using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;

namespace ShipGate.Results.Phases;

/// <summary>Everything one phase left in the test results: its facts and the phase evidence record they wrote.</summary>
/// <param name="MissingFacts">One reason per fact the criteria catalog expects of this phase that the results lack.</param>
public sealed record PhaseInput(int Phase, IReadOnlyList<Fact> Facts, JsonObject? Evidence, string? EvidenceProblem, long DurationMs,
    IReadOnlyList<string> RunFailures, IReadOnlyList<string> MissingFacts);

/// <summary>One phase file (phase1-node-b.json, phase2.json, …): its JSON and the facts behind its checks.</summary>
public sealed record PhaseReport(int Phase, string FileName, string Title, JsonObject Json, IReadOnlyList<Fact> Facts, JsonObject? Evidence)
{
    public bool Pass => J.Bool(Json, "pass") == true;
}

/// <summary>
/// Turns one phase's facts and evidence into its bash-compatible file(s). A new phase is one small subclass:
/// its number, name, what it proves, and the phase-specific fields.
/// </summary>
public abstract class PhaseAdapter
{
    public abstract int Phase { get; }

    public abstract string Name { get; }

    public abstract string Proves { get; }

    public virtual IReadOnlyList<PhaseReport> Build(PhaseInput input) =>
        [Report($"phase{Phase}.json", $"Phase {Phase} — {Name}", input, input.Facts, Fields(input), input.MissingFacts)];

    /// <summary>The phase-specific fields, in the bash gate's order, plus our additions.</summary>
    protected abstract IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input);

    /// <summary>phase, pass, reasons (missing facts first), then the fields; pass only if every fact passed, one did, and the evidence parsed.</summary>
    protected PhaseReport Report(string file, string title, PhaseInput input, IReadOnlyList<Fact> facts, IEnumerable<KeyValuePair<string, JsonNode?>> fields,
        IReadOnlyList<string> missing)
    {
        var reasons = Reasons(input, facts);
        reasons.InsertRange(0, missing);
        var json = new JsonObject
        {
            ["phase"] = Phase,
            ["pass"] = reasons.Count == 0,
            ["reasons"] = J.Strings(reasons),
        };
        foreach (var (key, value) in fields) json[key] = value;
        json["duration_ms"] = input.DurationMs;
        json["checks"] = Checks(facts);
        return new PhaseReport(Phase, file, title, json, facts, input.Evidence);
    }

    public static List<string> Reasons(PhaseInput input, IReadOnlyList<Fact> facts)
    {
        var reasons = facts.Where(f => f.Status == FactStatus.Failed).Select(f => f.Reason).ToList();
        if (input.EvidenceProblem is { } problem) reasons.Add($"phase {input.Phase} evidence did not parse: {problem}");
        else if (input.Evidence is null) reasons.Add($"phase {input.Phase} wrote no phase evidence record");
        if (!facts.Any(f => f.Status == FactStatus.Passed) && reasons.Count == 0)
            reasons.Add($"phase {input.Phase}: no criterion passed (nothing was measured)");
        reasons.AddRange(input.RunFailures);
        return reasons;
    }

    private static JsonArray Checks(IEnumerable<Fact> facts) => new(facts.Select(f => (JsonNode?)new JsonObject
    {
        ["criterion"] = f.Evidence?.Criterion ?? f.Test.Name,
        ["name"] = f.Test.Name,
        ["node"] = f.Node,
        ["fault"] = f.Fault,
        ["status"] = f.Status switch { FactStatus.Passed => "passed", FactStatus.NotRun => "not_run", _ => "failed" },
        ["verdict"] = f.Evidence?.Verdict,
        ["measured"] = J.Copy(f.Evidence?.Measured),
        ["threshold"] = J.Copy(f.Evidence?.Threshold),
        ["message"] = f.Status == FactStatus.Passed ? f.Evidence?.Message : f.Reason,
        ["duration_ms"] = (long)f.Test.Duration.TotalMilliseconds,
    }).ToArray());

    protected static KeyValuePair<string, JsonNode?> F(string key, JsonNode? value) => new(key, value);
}

/// <summary>A phase without its own adapter: the common fields and the whole evidence record.</summary>
public sealed class GenericPhaseAdapter(int phase) : PhaseAdapter
{
    public override int Phase => phase;

    public override string Name => "phase " + phase;

    public override string Proves => "(no description)";

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input) => [F("evidence", J.Copy(input.Evidence))];
}
