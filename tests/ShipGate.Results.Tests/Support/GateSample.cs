using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;

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

    public static JsonObject Phase1Evidence() => new JsonObject
    {
        ["setup_failure"] = null,
        ["image"] = "shipgate/ai-memory-node:abc",
        ["image_id"] = "sha256:0123abcd",
        ["nodes"] = new JsonArray(new[] { "node-a", "node-b", "node-c" }.Select(n => (JsonNode?)new JsonObject
        {
            ["node"] = n,
            ["version"] = "ai-memory 0.6.0",
            ["stats"] = new JsonObject { ["total"] = 1, ["by_tier"] = new JsonArray(), ["db_size_bytes"] = 114688 },
            ["recall_hits"] = 1,
            ["snapshot_files"] = new JsonArray("ai-memory-1.db"),
            ["manifest_files"] = new JsonArray("ai-memory-1.manifest.json"),
            ["curator"] = new JsonObject { ["operations_attempted"] = 0, ["errors"] = new JsonArray("no LLM client configured") },
            ["mcp_tools"] = new JsonArray(Enumerable.Range(0, 36).Select(i => (JsonNode?)$"tool{i}").ToArray()),
            ["step_errors"] = new JsonObject(),
            ["seconds"] = 8.5,
        }).ToArray()),
        ["seconds"] = 13.4,
    }.Stamped();

    public static TrxWriter Phase1(this TrxWriter trx, string? failNode = null) =>
        trx.Complete(1, Phase1Evidence(), f => f.Criterion.What == "mcp.tools" && f.Node == failNode
            ? ("fail", 12, 30, "tools/list returned 12 tools, expected ≥ 30")
            : null);

    /// <summary>
    /// Every fact the criteria catalog lists for the phase (Phase 4: the gated classes, opt-in ones skipped), each
    /// a pass unless <paramref name="verdictOf"/> says otherwise: what a complete run of the gate writes.
    /// </summary>
    public static TrxWriter Complete(this TrxWriter trx, int phase, JsonNode evidence,
        Func<ExpectedFact, (string Verdict, object? Measured, object? Threshold, string Message)?>? verdictOf = null, bool skipOptIn = true)
    {
        foreach (var f in CriteriaCatalog.Facts(phase, Topology.GatedFaults))
        {
            var (verdict, measured, threshold, message) = verdictOf?.Invoke(f) ?? ("pass", f.Criterion.What == "convergence-bound" ? 0.996 : 1, 1, "ok");
            trx.Fact(f.DisplayName, f.Key, phase, f.Node, evidence, verdict, measured, threshold, message);
        }

        if (phase == 4 && skipOptIn)
        {
            foreach (var f in CriteriaCatalog.Facts(4, Topology.OptInFaults).Where(f => f.Fault is not null))
                trx.Add(f.DisplayName, "NotExecuted", error: OptInSkipReason(f));
        }

        return trx;
    }

    public static JsonObject Phase2Evidence(int c = 200)
    {
        var titles = Enumerable.Range(0, 200).Select(i => $"p2-w-{i:000}").ToList();
        JsonObject Node(string n, int held) => new()
        {
            ["node"] = n, ["acknowledged"] = 200, ["present_acknowledged"] = held, ["rows"] = held, ["distinct_titles"] = held,
            ["missing"] = new JsonArray(titles.Skip(held).Select(t => (JsonNode?)t).ToArray()), ["unexpected"] = new JsonArray(),
            ["converged"] = held == 200, ["seconds_to_converge"] = held == 200 ? 0.25 : null, ["seconds_polled"] = 1.0, ["polls"] = 2,
        };
        return new JsonObject
        {
            ["setup_failure"] = null,
            ["image"] = "shipgate/ai-memory-node:abc",
            ["writes"] = new JsonArray(titles.Select(t =>
                (JsonNode?)new JsonObject { ["title"] = t, ["agent"] = "ai:agent-alice", ["status"] = 201, ["millis"] = 3.2 }).ToArray()),
            ["status_histogram"] = new JsonObject { ["201"] = 200 },
            ["ok"] = 200, ["quorum_not_met"] = 0, ["fail"] = 0,
            ["acknowledged_titles"] = new JsonArray(titles.Select(t => (JsonNode?)t).ToArray()),
            ["burst_seconds"] = 1.6,
            ["deadline_seconds"] = 90.0,
            ["nodes"] = new JsonArray(Node("node-a", 200), Node("node-b", 200), Node("node-c", c)),
            ["probe1"] = new JsonObject { ["description"] = "node-b down", ["status"] = 201 },
            ["probe2"] = new JsonObject { ["description"] = "node-b and node-c down", ["status"] = 503, ["retry_after"] = "2",
                ["quorum_error"] = "quorum_not_met" },
            ["seconds"] = 21.9,
        }.Stamped();
    }

    public static TrxWriter Phase2(this TrxWriter trx, int c = 200) =>
        trx.Complete(2, Phase2Evidence(c), f =>
        {
            if (f.Criterion.What != "holds-95pct") return null;
            var held = f.Node == "node-c" ? c : 200;
            return held * 100 >= 95 * 200
                ? ("pass", $"{held}/200", "≥ 95% of acknowledged", $"{f.Node} holds {held}/200 acknowledged")
                : ("fail", $"{held}/200", "≥ 95% of acknowledged",
                    $"{f.Node} holds {held}/200 acknowledged (< 95%); missing {200 - held}: p2-w-{held:000}, …");
        });

    public static TrxWriter Phase3(this TrxWriter trx) => trx.Phase3Stamped(null);

    /// <summary>Phase 3 with the settings its record carries (default: <see cref="Settings"/>).</summary>
    public static TrxWriter Phase3Stamped(this TrxWriter trx, JsonArray? settings)
    {
        JsonObject Run(long read, long written) => new()
        {
            ["command"] = "migrate", ["exit_code"] = 0,
            ["report"] = new JsonObject { ["batches"] = 2, ["dry_run"] = false, ["errors"] = new JsonArray(), ["from_url"] = "sqlite:///data/a.db",
                ["memories_read"] = read, ["memories_written"] = written, ["to_url"] = "postgres://x" },
        };
        var e = new JsonObject
        {
            ["setup_failure"] = null, ["image"] = "shipgate/ai-memory-node:abc", ["rows"] = 1000,
            ["forward"] = Run(1000, 1000), ["rerun"] = Run(1000, 1000), ["reverse"] = Run(1000, 1000),
            ["source_total"] = 1000, ["round_trip_total"] = 1000,
            ["comparison"] = new JsonObject { ["source_rows"] = 1000, ["round_trip_rows"] = 1000, ["missing"] = new JsonArray(), ["extra"] = new JsonArray(),
                ["differing"] = new JsonArray(), ["duplicated"] = new JsonArray(), ["identical"] = true },
            ["step_errors"] = new JsonObject(), ["seconds"] = 40.0,
        }.Stamped(settings);
        return trx.Complete(3, e);
    }

    public static JsonObject Phase4Evidence(int cycles = 50)
    {
        JsonObject Class(string fault) => new()
        {
            ["fault"] = fault, ["description"] = fault, ["enabled"] = true, ["cycles_planned"] = cycles, ["writes_per_cycle"] = 100,
            ["budget_seconds"] = 600.0, ["hung"] = false, ["seconds"] = 20.0,
            ["cycles_completed"] = cycles, ["sum_writes"] = 100 * cycles, ["sum_ok"] = 100 * cycles, ["sum_quorum_not_met"] = 0, ["sum_fail"] = 0,
                ["mean_cycle_seconds"] = 6.5,
            ["cycles"] = new JsonArray(Enumerable.Range(1, cycles).Select(i => (JsonNode?)new JsonObject
            {
                ["cycle"] = i, ["fault"] = fault, ["writes"] = 100, ["ok"] = 100, ["quorum_not_met"] = 0, ["fail"] = 0,
                ["count_node0"] = 100, ["count_node1"] = 100, ["count_node2"] = i == 2 ? 99 : 100, ["wall_seconds"] = 6.5, ["fault_applied"] = true,
            }).ToArray()),
        };
        return new JsonObject
        {
            ["setup_failure"] = null, ["image"] = "shipgate/ai-memory-node:abc",
            ["enabled_faults"] = new JsonArray(Kill, Partition),
            ["classes"] = new JsonArray(Class(Kill), Class(Partition),
                new JsonObject { ["fault"] = Pause, ["enabled"] = false, ["cycles_planned"] = cycles, ["writes_per_cycle"] = 100,
                ["cycles"] = new JsonArray() }),
            ["seconds"] = 45.0,
        }.Stamped();
    }

    public static TrxWriter Phase4(this TrxWriter trx, bool skipOptIn = true) => trx.Complete(4, Phase4Evidence(), skipOptIn: skipOptIn);

    public static TrxWriter AllPhases(this TrxWriter trx) => trx.Phase1().Phase2().Phase3().Phase4();
}
