using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Evidence;
using ShipGate.Fixtures.Verdicts;

namespace ShipGate.Results.Tests.Support;

/// <summary>Fact output as the gate writes it (Support/Gate.cs): an evidence line and the whole phase evidence record.</summary>
public static class GateSample
{
    public const string Kill = "kill_primary_mid_write";
    public const string Partition = "partition_minority";
    public const string Pause = "pause_peer";

    /// <summary>The settings a phase records (name, value, source): the release floor's defaults unless overridden, campaign c1.</summary>
    public static JsonArray Settings(string campaign = "c1", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>
        {
            [SettingNames.ChaosCycles] = "50", [SettingNames.ChaosWrites] = "100", [SettingNames.P3Rows] = "1000", [SettingNames.SoakSecs] = "30",
            [SettingNames.P2Agents] = "4", [SettingNames.P2WritesPerAgent] = "50", [SettingNames.ChaosFaults] = $"{Kill},{Partition}",
            [SettingNames.CampaignId] = campaign,
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>()) values[k] = v;
        return new JsonArray(values.Select(kv => (JsonNode?)new JsonObject { ["name"] = kv.Key, ["value"] = kv.Value, ["source"] = "default" }).ToArray());
    }

    /// <summary>What every phase record carries beside its own fields: the settings used and the cluster shape.</summary>
    public static JsonObject Stamped(this JsonObject record, JsonArray? settings = null)
    {
        record["settings"] = settings?.DeepClone() ?? Settings();
        record["cluster"] = new JsonObject { ["nodes"] = 3, ["quorum_writes"] = 2 };
        return record;
    }

    /// <summary>The skip of an opt-in class's fact as Phase4Tests writes it.</summary>
    public static string OptInSkipReason(ExpectedFact f) =>
        OptInSkip.Reason(f.Key, $"{f.Fault} is opt-in and not enabled: add it to {SettingNames.ChaosFaults} to run it");

    public static string Output(string criterion, int phase, string? node, string verdict, object? measured, object? threshold, string message,
        JsonNode evidence,
        Bound? bound = null) =>
        "##shipgate-evidence "
            + JsonSerializer.Serialize(new { criterion, phase, node, verdict, measured, threshold, message, bound = bound is null ? null
            : new { op = bound.Op, value = bound.Value } }) + "\n" +
        "##shipgate-phase-evidence " + evidence.ToJsonString() + "\n";

    /// <summary>Adds one fact: outcome Passed for a "pass" verdict, Failed (with the gate's exception message) otherwise.</summary>
    public static TrxWriter Fact(this TrxWriter trx, string name, string criterion, int phase, string? node, JsonNode evidence,
        string verdict = "pass", object? measured = null, object? threshold = null, string message = "ok")
    {
        var outcome = verdict == "pass" ? "Passed" : "Failed";
        return trx.Add(name, outcome, Output(criterion, phase, node, verdict, measured, threshold, message, evidence), outcome == "Passed" ? null
            : $"{criterion}: {verdict}: {message}");
    }

    /// <summary>Phase 1's record of the recorded real run, release strength, stamped for campaign c1.</summary>
    public static JsonObject Phase1Evidence() => RecordedRecords.AtReleaseStrength(1).Stamped();

    /// <summary>Phase 1; <paramref name="failNode"/>'s tools/list answered only 12 tools (its mcp.tools fact red).</summary>
    public static TrxWriter Phase1(this TrxWriter trx, string? failNode = null)
    {
        var record = Phase1Evidence();
        if (failNode is not null)
        {
            var node = record["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == failNode)!;
            node["mcp_tools"] = new JsonArray(node["mcp_tools"]!.AsArray().Take(12).Select(t => t!.DeepClone()).ToArray());
        }

        return trx.Complete(1, record);
    }

    /// <summary>
    /// Every fact the criteria catalog lists for the phase (Phase 4: the gated classes, opt-in ones skipped), each
    /// a pass unless <paramref name="verdictOf"/> says otherwise: what a complete run of the gate writes.
    /// </summary>
    public static TrxWriter Complete(this TrxWriter trx, int phase, JsonNode evidence,
        Func<ExpectedFact, (string Verdict, object? Measured, object? Threshold, string Message)?>? verdictOf = null, bool skipOptIn = true)
    {
        var typed = Readable(phase, evidence.AsObject());
        foreach (var f in CriteriaCatalog.Facts(phase, Topology.GatedFaults))
        {
            // A crafted verdict, or a record the gate's types could not have written: the line says what the test wants.
            if ((verdictOf?.Invoke(f) ?? (typed is null ? ("pass", 1, 1, "ok") : null)) is var (verdict, measured, threshold, message))
            {
                trx.Fact(f.DisplayName, f.Key, phase, f.Node, evidence, verdict, measured, threshold, message);
                continue;
            }

            // What the gate writes: the catalog's verdict over the record, its line, and the outcome it asserts.
            var finding = CriteriaVerdicts.Judge(f, typed!);
            var outcome = finding.Verdict.Passed ? "Passed" : "Failed";
            trx.Add(f.DisplayName, outcome, $"{EvidenceLines.FindingPrefix}{FindingLine.Of(finding)}\n{EvidenceLines.PhasePrefix}{evidence.ToJsonString()}\n",
                finding.Verdict.Passed ? null : $"{f.Key}: {FindingLine.Label(finding.Verdict.Outcome)}: {finding.Verdict.Message}");
        }

        if (phase == 4 && skipOptIn)
        {
            foreach (var f in CriteriaCatalog.Facts(4, Topology.OptInFaults).Where(f => f.Fault is not null))
                trx.Add(f.DisplayName, "NotExecuted", error: OptInSkipReason(f));
        }

        return trx;
    }

    /// <summary>Phase 2's record at release strength; node-c holds only the first <paramref name="c"/> of the 200 acknowledged writes.</summary>
    private static object? Readable(int phase, JsonObject record)
    {
        try
        {
            return PhaseRecords.Read(phase, record);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject Phase2Evidence(int c = 200)
    {
        var record = RecordedRecords.AtReleaseStrength(2);
        var node = record["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == "node-c")!;
        var present = node["present"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        if (c < present.Count)
        {
            node["present"] = J(present.Take(c));
            node["missing"] = J(present.Skip(c));
            node["present_acknowledged"] = c;
            node["rows"] = c;
            node["distinct_titles"] = c;
            node["stats_count"] = c;
            node["converged"] = false;
            node["seconds_to_converge"] = null;
        }

        return RecordedRecords.Normalized(2, record).Stamped();
    }

    private static JsonArray J(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());

    public static TrxWriter Phase2(this TrxWriter trx, int c = 200) => trx.Complete(2, Phase2Evidence(c));

    public static TrxWriter Phase3(this TrxWriter trx) => trx.Phase3Stamped(null);

    /// <summary>Phase 3 with the settings its record carries (default: <see cref="Settings"/>).</summary>
    public static TrxWriter Phase3Stamped(this TrxWriter trx, JsonArray? settings) =>
        trx.Complete(3, RecordedRecords.AtReleaseStrength(3).Stamped(settings));

    /// <summary>Phase 4's record: the recorded classes with <paramref name="cycles"/> cycles each.</summary>
    public static JsonObject Phase4Evidence(int cycles = 50) => RecordedRecords.AtReleaseStrength(4, cycles).Stamped();

    public static TrxWriter Phase4(this TrxWriter trx, bool skipOptIn = true) => trx.Complete(4, Phase4Evidence(), skipOptIn: skipOptIn);

    public static TrxWriter AllPhases(this TrxWriter trx) => trx.Phase1().Phase2().Phase3().Phase4();
}
