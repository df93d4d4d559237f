using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Fixtures.Evidence;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// The phase records of the recorded real run (TestData/gate-all-phases.trx.xml), read once: real evidence of the
/// gate's own types, which the converter reads strictly. <see cref="AtReleaseStrength"/> makes one a release-strength
/// record the way a stronger run would have written it: Phase 3's rows and Phase 4's cycles scaled up, the soak's
/// seconds raised, then read into its type and serialized again, so every derived field agrees with the rest.
/// </summary>
public static class RecordedRecords
{
    public const string Image = "shipgate/ai-memory-node:abc";
    public const string ImageId = "sha256:0123abcd";

    public static readonly string Trx = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml");

    private static readonly Lazy<Dictionary<int, JsonObject>> Recorded = new(() => TrxReader.Read(Trx).Tests
        .SelectMany(t => t.StdOut.Split('\n').Where(l => l.StartsWith(EvidenceLines.PhasePrefix, StringComparison.Ordinal))
            .Select(l => (Phase: t.Name[6] - '0', Record: (JsonObject)JsonNode.Parse(l[EvidenceLines.PhasePrefix.Length..])!)))
        .ToDictionary(x => x.Phase, x => x.Record));

    /// <summary>The record as recorded (a copy).</summary>
    public static JsonObject Phase(int phase) => (JsonObject)Recorded.Value[phase].DeepClone();

    /// <summary>A release-strength record of the phase; <paramref name="cycles"/> per Phase 4 class.</summary>
    public static JsonObject AtReleaseStrength(int phase, int cycles = 50)
    {
        var record = Phase(phase);
        record["image"] = Image;
        record["image_id"] = ImageId;
        switch (phase)
        {
            case 2:
                record["soak"]!["planned_seconds"] = 30;
                record["soak"]!["ran_seconds"] = 30.04;
                break;
            case 3:
                var rows = record["rows"]!.GetValue<int>();
                Scale(record, rows, 1000);
                break;
            case 4:
                foreach (var c in record["classes"]!.AsArray()) Cycles(c!.AsObject(), cycles);
                break;
        }

        return Normalized(phase, record);
    }

    /// <summary>The record read into its evidence type and written again, as the gate writes it (settings and cluster kept).</summary>
    public static JsonObject Normalized(int phase, JsonObject record) => PhaseRecords.Rewrite(phase, record, PhaseRecords.Read(phase, record));

    /// <summary>Every number equal to <paramref name="from"/> becomes <paramref name="to"/>: Phase 3's row counts all say the same N.</summary>
    private static void Scale(JsonNode? node, int from, int to)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<int>(out var n) && n == from) o[key] = to;
                    else Scale(o[key], from, to);
                }

                break;
            case JsonArray a:
                foreach (var item in a) Scale(item, from, to);
                break;
        }
    }

    /// <summary>A class's cycles and timeline repeated to <paramref name="count"/> cycles, numbered 1…count.</summary>
    private static void Cycles(JsonObject c, int count)
    {
        var cycles = c["cycles"]!.AsArray();
        if (cycles.Count == 0) return;
        var template = cycles.Select(x => x!.DeepClone()).ToList();
        var timeline = c["timeline"]!.AsArray().Select(x => x!.DeepClone()).ToList();
        cycles.Clear();
        var events = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            var source = template[(i - 1) % template.Count];
            var cycle = source.DeepClone();
            cycle["cycle"] = i;
            cycles.Add(cycle);
            foreach (var e in timeline.Where(e => e!["cycle"]!.GetValue<int>() == source["cycle"]!.GetValue<int>()))
            {
                var copy = e!.DeepClone();
                copy["cycle"] = i;
                events.Add(copy);
            }
        }

        c["timeline"] = events;
        c["cycles_planned"] = count;
        c["cycles_completed"] = count;
        c["last_completed_cycle"] = count;
    }
}
