using System.Text.Json.Nodes;
using System.Xml.Linq;
using ShipGate.Contract;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// The recorded green run (TestData/gate-all-phases.trx.xml) cut as CI's sharded campaign runs it: phases 1–3 in one
/// TRX, and Phase 4 once per fault class, SHIPGATE_CHAOS_FAULTS naming that class. In a shard the other gated class
/// did not run: its record entry is disabled and its facts are red with no evidence, as Phase4Verdicts writes them.
/// </summary>
public static class RecordedShards
{
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml");
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Phases 1–3 of the recorded run, under a run id of their own; <paramref name="faults"/> replaces their SHIPGATE_CHAOS_FAULTS.</summary>
    public static string Phases123(string dir, string? faults = null) =>
        Save(Cut(r => !IsPhase4(r), record => faults is null ? record : Set(record, SettingNames.ChaosFaults, faults)), dir, "phases123.trx");

    /// <summary>
    /// Phase 4 of the recorded run as the shard that ran only <paramref name="fault"/>; <paramref name="change"/>
    /// edits its phase record afterwards (another campaign id, another image id).
    /// </summary>
    public static string Shard(string dir, string fault, string? file = null, Action<JsonObject>? change = null)
    {
        var doc = Cut(IsPhase4, record =>
        {
            record["enabled_faults"] = new JsonArray(fault);
            foreach (var c in record["classes"]!.AsArray().Where(c => c!["fault"]!.GetValue<string>() != fault))
            {
                c!["enabled"] = false;
                c["cycles"] = new JsonArray();
            }

            Set(record, SettingNames.ChaosFaults, fault);
            change?.Invoke(record);
            return record;
        });
        foreach (var result in doc.Descendants(Ns + "UnitTestResult").Where(r => Name(r).Split(" · ") is [_, var f, _] && f != fault && IsGated(f)))
            DidNotRun(result, Name(result).Split(" · ")[1], fault);
        return Save(doc, dir, file ?? $"shard-{fault}.trx");
    }

    private static bool IsGated(string fault) => ShipGate.Contract.Criteria.Topology.GatedFaults.Contains(fault);

    private static string Name(XElement result) => (string)result.Attribute("testName")!;

    private static bool IsPhase4(XElement result) => Name(result).StartsWith("Phase 4 · ", StringComparison.Ordinal);

    /// <summary>The recorded run with only the results <paramref name="keep"/> selects, a fresh run id, and its phase record edited.</summary>
    private static XDocument Cut(Func<XElement, bool> keep, Func<JsonObject, JsonObject> record)
    {
        var doc = XDocument.Load(Real);
        doc.Root!.SetAttributeValue("id", Guid.NewGuid().ToString());
        doc.Descendants(Ns + "UnitTestResult").Where(r => !keep(r)).ToList().ForEach(r => r.Remove());
        foreach (var stdout in doc.Descendants(Ns + "StdOut"))
        {
            stdout.Value = string.Join('\n', stdout.Value.Split('\n').Select(line => line.StartsWith(EvidenceLines.PhasePrefix, StringComparison.Ordinal)
                ? EvidenceLines.PhasePrefix + record((JsonObject)JsonNode.Parse(line[EvidenceLines.PhasePrefix.Length..])!).ToJsonString()
                : line));
        }

        return doc;
    }

    /// <summary>The fact of a class the shard did not enable: red, no evidence (the phase record line it carried stays).</summary>
    private static void DidNotRun(XElement result, string fault, string enabled)
    {
        var stdout = result.Descendants(Ns + "StdOut").Single();
        var lines = stdout.Value.Split('\n').ToList();
        var i = lines.FindIndex(l => l.StartsWith(EvidenceLines.FindingPrefix, StringComparison.Ordinal));
        var line = (JsonObject)JsonNode.Parse(lines[i][EvidenceLines.FindingPrefix.Length..])!;
        var message = $"{fault} did not run: it is not in {SettingNames.ChaosFaults} ({enabled})";
        line["verdict"] = "no_evidence";
        line["measured"] = null;
        line["message"] = message;
        line.Remove("bound");
        lines[i] = EvidenceLines.FindingPrefix + line.ToJsonString();
        stdout.Value = string.Join('\n', lines.Where(l => !l.Contains(": pass: ", StringComparison.Ordinal)));
        result.SetAttributeValue("outcome", "Failed");
        stdout.Parent!.Add(new XElement(Ns + "ErrorInfo", new XElement(Ns + "Message", $"{line["criterion"]}: no_evidence: {message}")));
    }

    private static JsonObject Set(JsonObject record, string setting, string value)
    {
        record["settings"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == setting)!["value"] = value;
        return record;
    }

    private static string Save(XDocument doc, string dir, string file)
    {
        var path = Path.Combine(dir, file);
        TrxCounters.Recount(doc).Save(path);
        return path;
    }

    /// <summary>Sets a setting of a phase record (for <see cref="Shard"/>'s change).</summary>
    public static void Setting(JsonObject record, string name, string value) => Set(record, name, value);
}
