using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// Campaign summaries for the history tests: the recorded green gate run (TestData/gate-all-phases.trx.xml) converted
/// once, then copied and changed as a test asks (id, date, ref, strength, a fact turned red, a figure, a setting).
/// </summary>
public static class Campaigns
{
    private static readonly Lazy<JsonObject> Green = new(() =>
        CampaignBuilder.Build([TrxReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml"))], Scratch.Options()).Summary);

    public const string ImageId = "sha256:ab2fbfd7647714b38fcf06f58d7bceeeb6cd9d3403181f16b50746d8d91619fe";

    /// <summary>
    /// A passing campaign: the recorded run's phases with the verdict, image and the figures the tests read set here
    /// (convergence 75 · 73 · 75 ms, soak p99 28.3 · 28 · 42.6 ms, 1.61 and 2.37 s per cycle, wall 55.7 s, 2 cycles),
    /// so the tests do not depend on the numbers of whichever run was recorded.
    /// </summary>
    public static JsonObject Summary(string id, int day, string aiRef = "v0.6.0", string? strength = "release")
    {
        var s = (JsonObject)Green.Value.DeepClone();
        s["campaign_id"] = id;
        s["completed_at"] = $"2026-11-{day:00}T10:00:00Z";
        s["ai_memory_git_ref"] = aiRef;
        s["overall_pass"] = true;
        s["reasons"] = new JsonArray();
        s["sut_image_id"] = ImageId;
        s["wall_seconds"] = 55.7;
        if (strength is not null) s["strength"] = strength;
        else s.Remove("strength");
        var p2 = Phase(s, 2);
        p2["time_to_converge_ms"] = new JsonObject { ["a"] = 75, ["b"] = 73, ["c"] = 75 };
        foreach (var (node, p99) in new[] { ("node-a", 28.3), ("node-b", 28.0), ("node-c", 42.6) }) s.P99(node, p99);
        foreach (var fault in Phase(s, 4)["faults"]!.AsArray())
            fault!["mean_cycle_ms"] = fault["fault"]!.GetValue<string>() == GateSample.Kill ? 1610 : 2370;
        return s.Setting(SettingNames.ChaosCycles, "2");
    }

    /// <summary>Writes runs/&lt;id&gt;/campaign-summary.json and returns the folder.</summary>
    public static string Save(this JsonObject summary, string runsDir)
    {
        var dir = Path.Combine(runsDir, summary["campaign_id"]!.GetValue<string>());
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "campaign-summary.json"), summary.ToJsonString());
        return dir;
    }

    public static CampaignRecord Record(this JsonObject summary) => new(".", summary["campaign_id"]!.GetValue<string>(), summary);

    /// <summary>Every copy of the fact (Phase 1's once-facts sit in each node's file) failed with this message; the campaign failed.</summary>
    public static JsonObject Fail(this JsonObject s, string key, string message)
    {
        var checks = Phases(s).SelectMany(p => p["checks"]!.AsArray()).Where(c => c!["criterion"]!.GetValue<string>() == key).ToList();
        checks.Should().NotBeEmpty($"the recorded run holds {key}");
        foreach (var c in checks)
        {
            c!["status"] = "failed";
            c["message"] = message;
        }

        s["overall_pass"] = false;
        s["reasons"] = new JsonArray((JsonNode?)$"{key}: {message}");
        return s;
    }

    public static JsonObject Drop(this JsonObject s, string key)
    {
        foreach (var p in Phases(s)) p["checks"]!.AsArray().RemoveAll(c => c!["criterion"]!.GetValue<string>() == key);
        s["overall_pass"] = false;
        return s;
    }

    public static JsonObject P99(this JsonObject s, string node, double ms)
    {
        SoakNode(s, node)["p99_ms"] = ms;
        return s;
    }

    public static JsonObject Setting(this JsonObject s, string name, string value, string source = "command line")
    {
        var setting = s["settings"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == name)!;
        setting["value"] = value;
        setting["source"] = source;
        return s;
    }

    private static JsonNode SoakNode(JsonObject s, string node) =>
        Phase(s, 2)["soak"]!["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == node)!;

    private static JsonObject Phase(JsonObject s, int phase) => Phases(s).Single(p => p["phase"]!.GetValue<int>() == phase);

    private static IEnumerable<JsonObject> Phases(JsonObject s) => s["phases"]!.AsArray().OfType<JsonObject>();
}
