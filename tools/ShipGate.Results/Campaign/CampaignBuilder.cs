using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;
using ShipGate.Results.Phases;

namespace ShipGate.Results.Campaign;

/// <summary>The whole campaign: every phase report, the summary JSON, and whether it passed.</summary>
public sealed record CampaignResult(CampaignOptions Options, IReadOnlyList<PhaseReport> Reports, JsonObject Summary, IReadOnlyList<string> Sources)
{
    public bool OverallPass => J.Bool(Summary, "overall_pass") == true;

    public IReadOnlyList<string> Reasons => J.Array(Summary, "reasons").Select(r => r?.GetValue<string>() ?? "").ToList();

    /// <summary>Every fact of the phases that ran passed, the runs completed and the phases are one campaign (partial or rehearsal allowed).</summary>
    public bool FactsPass => J.Bool(Summary, "facts_pass") == true;
}

/// <summary>
/// Runs → facts → phases → summary. Fails closed: overall_pass is true only if all four phases are present, each
/// holds every fact the criteria catalog lists for it (per node, per required fault class), its evidence parsed and
/// it passed; no red fact anywhere, no run failed outside its tests, and no other test of the gate failed.
/// A partial run (one phase, a filter) is never a release pass; the merge of every phase's run is. The phases must be
/// one campaign (<see cref="OneCampaign"/>) at release strength (<see cref="Strength"/>): a weaker one is a rehearsal.
/// facts_pass says whether all but the scope held (every fact of the phases run passed): what a filtered run is judged by.
/// </summary>
public static class CampaignBuilder
{
    public static readonly IReadOnlyDictionary<int, PhaseAdapter> Adapters = new PhaseAdapter[]
    {
        new Phase1Adapter(), new Phase2Adapter(), new Phase3Adapter(), new Phase4Adapter(),
    }.ToDictionary(a => a.Phase);

    public static CampaignResult Build(IReadOnlyList<RunRecord> runs, CampaignOptions options)
    {
        var byRun = runs.Select(r => r.Tests.Select(t => Fact.From(t, r.Source)).ToList()).ToList();
        InputChecks.Validate(runs, byRun);
        var facts = byRun.SelectMany(f => f).ToList();
        var runFailures = runs.Where(r => r.RunFailedSilently)
            .ToDictionary(r => r.Source, r => $"test run {Path.GetFileName(r.Source)} ended {r.Outcome} with no failed test (synthetic failure)");

        var reports = new List<PhaseReport>();
        var reasons = new List<string>();
        var records = new List<(int Phase, JsonObject? Record)>();
        var campaignRecords = new List<(string Label, JsonObject? Record)>();
        var phases = facts.Where(f => f.Phase is not null).Select(f => f.Phase!.Value).Distinct().Order().ToList();
        foreach (var phase in phases)
        {
            var phaseFacts = facts.Where(f => f.Phase == phase).ToList();
            var (evidence, problem) = PhaseEvidence(phaseFacts);
            RecordChecks.Validate(phase, evidence);
            if (phase == Phase4Shards.Phase && Phase4Shards.Merge(facts, records) is { } merged)
            {
                (phaseFacts, evidence, problem) = (merged.Facts, merged.Record, merged.Problem);
                reasons.AddRange(merged.Reasons);
                campaignRecords.AddRange(merged.CampaignRecords);
                RecordChecks.Validate(phase, evidence);
            }
            else
            {
                campaignRecords.Add(($"{phase}", evidence));
            }

            phaseFacts = phaseFacts.OrderBy(f => f.Test.Name.Contains("preflight", StringComparison.Ordinal) ? 0 : f.Status == FactStatus.NotRun ? 2 : 1)
                .ThenBy(f => f.Test.Name, StringComparer.Ordinal).ToList();
            var (recomputed, unread, written) = Recompute.Judge(phase, EvidenceChecks.AgainstRecord(phase, phaseFacts, evidence), evidence);
            problem ??= unread;
            evidence = written;
            records.Add((phase, evidence));
            reasons.AddRange(ImpossibleNumbers.Reasons(evidence, $"phase {phase} record"));
            if (phase == 4) reasons.AddRange(EvidenceChecks.PartialFaults(evidence));
            var (judged, missingFacts) = Completeness.Judge(phase, recomputed, evidence);
            phaseFacts = judged;
            facts.RemoveAll(f => f.Phase == phase);
            facts.AddRange(judged);
            var failures = phaseFacts.Select(f => f.Source).Distinct().Where(runFailures.ContainsKey).Select(s => runFailures[s]).ToList();
            var duration = J.Ms(J.Num(evidence, "seconds")) ?? 0;
            duration += (long)phaseFacts.Sum(f => f.Test.Duration.TotalMilliseconds);
            var adapter = Adapters.TryGetValue(phase, out var a) ? a : new GenericPhaseAdapter(phase);
            reports.AddRange(adapter.Build(new PhaseInput(phase, phaseFacts, evidence, problem, duration, failures, missingFacts)));
        }

        var missing = CampaignOptions.AllPhases.Where(p => !phases.Contains(p)).ToList();
        var (strength, shortfalls) = Strength.Judge(records);
        var scope = missing.Count > 0 ? [$"partial campaign: phases {string.Join(", ", missing)} not run", .. shortfalls] : shortfalls;
        reasons.InsertRange(0, OneCampaign.Reasons(campaignRecords, options.CampaignId, options.AiMemoryRef));
        foreach (var report in reports.Where(r => !r.Pass))
            reasons.AddRange(J.Array(report.Json, "reasons").Select(x => $"{Path.GetFileNameWithoutExtension(report.FileName)}: {x}"));
        reasons.AddRange(runFailures.Values);
        reasons.AddRange(RunSignals.Reasons(runs));

        var others = facts.Where(f => f.Phase is null).ToList();
        reasons.AddRange(others.Where(f => f.Status == FactStatus.Failed).Select(f => $"gate test failed: {f.Reason}"));

        var summary = new JsonObject
        {
            ["campaign_id"] = options.CampaignId,
            ["ai_memory_git_ref"] = options.AiMemoryRef,
            ["completed_at"] = options.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["overall_pass"] = reasons.Count == 0 && scope.Count == 0,
            ["strength"] = strength,
            ["facts_pass"] = reasons.Count == 0 && phases.Count > 0,
            ["phases"] = new JsonArray(reports.Select(r => J.Copy(r.Json)).ToArray()),
            ["reasons"] = J.Strings(scope.Concat(reasons).Distinct()),
            ["expected_phases"] = new JsonArray(CampaignOptions.AllPhases.Select(p => (JsonNode?)p).ToArray()),
            ["missing_phases"] = new JsonArray(missing.Select(p => (JsonNode?)p).ToArray()),
            ["not_run_fault_classes"] = J.Strings(reports.Where(r => r.Phase == 4)
                .SelectMany(r => J.Array(r.Json, "not_run")).Select(n => n?.GetValue<string>() ?? "?").Distinct()),
            ["phase_results"] = new JsonArray(phases.Select(p => (JsonNode?)PhaseLine(p, reports, facts)).ToArray()),
            ["sut_kind"] = SutKind.Of(reports.Select(r => r.Evidence)),
            ["sut_version"] = SutVersion(reports),
            ["sut_image"] = reports.Select(r => J.Str(r.Evidence, "image")).FirstOrDefault(i => i is not null),
            ["sut_image_id"] = reports.Select(r => J.Str(r.Evidence, "image_id")).FirstOrDefault(i => i is not null),
            // The version row the candidate's --version was given, and what it says when not the candidate's own.
            ["version_row"] = reports.Select(r => J.Str(r.Evidence, "version_row")).FirstOrDefault(i => i is not null),
            ["tier"] = reports.Select(r => J.Str(r.Evidence, "tier")).FirstOrDefault(i => i is not null),
            ["gate_commit"] = options.GateCommit,
            ["shipgate_version"] = GateVersion.Current,
            // The test run's own wall time (first start to last finish over the inputs): what a campaign costs,
            // setup and teardown included, beside each phase's duration_ms.
            ["wall_seconds"] = WallSeconds(runs),
            // Per setting, the value the gate used and its layer (default, profile NAME, environment, command line).
            ["settings"] = J.Copy(reports.Select(r => J.At(r.Evidence, "settings")).FirstOrDefault(s => s is not null)),
            ["other_tests"] = new JsonObject
            {
                ["passed"] = others.Count(f => f.Status == FactStatus.Passed),
                ["failed"] = others.Count(f => f.Status == FactStatus.Failed),
                ["not_run"] = others.Count(f => f.Status == FactStatus.NotRun),
            },
            ["trx_files"] = J.Strings(runs.Select(r => r.Source)),
        };
        if (reports.Select(r => J.Str(r.Evidence, "image_digest") ?? J.Str(r.Evidence, "sut_image_digest")).FirstOrDefault(d => d is not null) is { } digest)
            summary["sut_image_digest"] = digest;
        return new CampaignResult(options, reports, summary, runs.Select(r => r.Source).ToList());
    }

    private static double? WallSeconds(IReadOnlyList<RunRecord> runs)
    {
        var starts = runs.Where(r => r.Start is not null).Select(r => r.Start!.Value).ToList();
        var finishes = runs.Where(r => r.Finish is not null).Select(r => r.Finish!.Value).ToList();
        return starts.Count == runs.Count && finishes.Count == runs.Count && runs.Count > 0
            ? Math.Round((finishes.Max() - starts.Min()).TotalSeconds, 1)
            : null;
    }

    /// <summary>What to write when the input was bad: a failing summary that names the problem (never a passing one).</summary>
    public static CampaignResult BadInput(string error, CampaignOptions options) => new(options, [], new JsonObject
    {
        ["campaign_id"] = options.CampaignId,
        ["ai_memory_git_ref"] = options.AiMemoryRef,
        ["completed_at"] = options.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["overall_pass"] = false,
        ["facts_pass"] = false,
        ["phases"] = new JsonArray(),
        ["reasons"] = J.Strings([$"bad input: {error}"]),
        ["expected_phases"] = new JsonArray(CampaignOptions.AllPhases.Select(p => (JsonNode?)p).ToArray()),
        ["missing_phases"] = new JsonArray(CampaignOptions.AllPhases.Select(p => (JsonNode?)p).ToArray()),
        ["gate_commit"] = options.GateCommit,
        ["shipgate_version"] = GateVersion.Current,
    }, []);

    private static JsonObject PhaseLine(int phase, List<PhaseReport> reports, List<Fact> facts)
    {
        var mine = reports.Where(r => r.Phase == phase).ToList();
        var phaseFacts = facts.Where(f => f.Phase == phase).ToList();
        return new JsonObject
        {
            ["phase"] = phase,
            ["name"] = CampaignBuilder.Adapters.TryGetValue(phase, out var a) ? a.Name : $"phase {phase}",
            ["pass"] = mine.Count > 0 && mine.All(r => r.Pass),
            ["duration_ms"] = mine.Select(r => J.Num(r.Json, "duration_ms")).FirstOrDefault() is { } d ? (long)d : 0,
            ["facts_passed"] = phaseFacts.Count(f => f.Status == FactStatus.Passed),
            ["facts_failed"] = phaseFacts.Count(f => f.Status == FactStatus.Failed),
            ["facts_not_run"] = phaseFacts.Count(f => f.Status == FactStatus.NotRun),
        };
    }

    /// <summary>The first phase evidence record that parses; else why the first one did not.</summary>
    internal static (JsonObject?, string?) PhaseEvidence(IEnumerable<Fact> facts)
    {
        string? problem = null;
        foreach (var raw in facts.Select(f => f.PhaseEvidenceJson).OfType<string>().Distinct())
        {
            var (evidence, why) = Fact.ParsePhaseEvidence(raw);
            if (evidence is not null) return (evidence, null);
            problem ??= why;
        }

        return (null, problem);
    }

    private static string? SutVersion(IEnumerable<PhaseReport> reports) =>
        reports.Where(r => r.Phase == 1).Select(r => J.Str(r.Json, "version")).Where(v => !string.IsNullOrEmpty(v)).Distinct().FirstOrDefault();
}
