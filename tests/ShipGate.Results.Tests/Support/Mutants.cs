using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ShipGate.Contract;
using ShipGate.Results.Model;

namespace ShipGate.Results.Tests.Support;

/// <summary>One edit of a green campaign: its family, what it changes (a fact, a record's field, an identity field) and how.</summary>
/// <param name="DerivedCheck">For a record's number: whether the gate's type computes that field from the rest of the
/// record (a changed value is not read: the type writes it again). Asked only of survivors.</param>
public sealed record Mutant(string Family, string Target, string How, Func<RunRecord, RunRecord> Apply, Func<bool>? DerivedCheck = null)
{
    private readonly Lazy<bool> derived = new(() => DerivedCheck?.Invoke() ?? false);

    public bool Derived => derived.Value;

    /// <summary>The field a record mutant changes, array indices dropped (<c>classes[].cycles[].ok</c>); the fact's name otherwise.</summary>
    public string Field => Regex.Replace(Target, @"\[\d+\]", "[]");

    public override string ToString() => $"{Family} {Target}: {How}";
}

/// <summary>
/// Every mutant of the families issue 29 names, over one green run held in memory: per fact flip its outcome, drop
/// it, report it twice; per number of each phase record (the first of each field, array indices aside) set it
/// below, above and beyond what it was; per identity field of each record (image, image id, campaign id) another
/// value, absent. A mutant edits the run's results, never a file.
/// </summary>
public static partial class Mutants
{
    public static IEnumerable<Mutant> Of(RunRecord run)
    {
        foreach (var test in run.Tests)
        {
            var name = test.Name;
            yield return new("fact", name, "outcome flipped", r => Replace(r, name, t => t with
            {
                Outcome = t.Outcome == "Passed" ? "Failed" : "Passed",
                ErrorMessage = t.Outcome == "Passed" ? "flipped" : null,
            }));
            yield return new("fact", name, "dropped", r => r with { Tests = r.Tests.Where(t => t.Name != name).ToList() });
            yield return new("fact", name, "reported twice", r => r with { Tests = [.. r.Tests, r.Tests.First(t => t.Name == name)] });
        }

        foreach (var (phase, record) in Records(run))
        {
            foreach (var path in NumberPaths(record, "").DistinctBy(p => Regex.Replace(p, @"\[\d+\]", "[]")))
            {
                var value = At(record, path)!.GetValue<double>();
                bool Derived() => IsDerived(phase, record, path, value);
                var step = Math.Max(1, Math.Abs(value) * 0.5);
                foreach (var (how, to) in new[] { ("below", value - step), ("above", value + step), ("beyond", -(Math.Abs(value) * 1000 + 1000)) })
                    yield return new($"phase {phase} number", path, $"{how}: {Text(value)} → {Text(to)}",
                        r => WithRecord(r, phase, e => Set(e, path, JsonValue.Create(to))), Derived);
            }

            foreach (var field in new[] { "image", "image_id", SettingNames.CampaignId })
            {
                yield return new($"phase {phase} identity", field, "another value", r => WithRecord(r, phase, e => SetIdentity(e, field, "other")));
                yield return new($"phase {phase} identity", field, "absent", r => WithRecord(r, phase, e => SetIdentity(e, field, null)));
            }
        }
    }

    /// <summary>Whether the evidence type writes the field again from the rest of the record (a changed value comes back).</summary>
    private static bool IsDerived(int phase, JsonObject record, string path, double value)
    {
        var copy = (JsonObject)record.DeepClone();
        Set(copy, path, JsonValue.Create(value + 1));
        try
        {
            return At(RecordedRecords.Normalized(phase, copy), path) is JsonValue v && v.GetValue<double>() == value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Each phase's record as the run carries it (written once, by the phase's first fact).</summary>
    public static IEnumerable<(int Phase, JsonObject Record)> Records(RunRecord run) =>
        run.Tests.Select(t => (t.Name, Line: RecordLine(t.StdOut))).Where(x => x.Line is not null)
            .Select(x => (x.Name[6] - '0', (JsonObject)JsonNode.Parse(x.Line!)!)).DistinctBy(x => x.Item1).ToList();

    /// <summary>The run with each phase's record left only in its first fact's output, as the gate writes it.</summary>
    public static RunRecord RecordsOnce(RunRecord run)
    {
        var seen = new HashSet<char>();
        return run with
        {
            Tests = run.Tests.Select(t => RecordLine(t.StdOut) is { } line && !seen.Add(t.Name[6])
                ? t with { StdOut = t.StdOut.Replace(EvidenceLines.PhasePrefix + line + "\n", "", StringComparison.Ordinal) }
                : t).ToList(),
        };
    }

    private static string? RecordLine(string stdout) =>
        stdout.Split('\n').FirstOrDefault(l => l.StartsWith(EvidenceLines.PhasePrefix, StringComparison.Ordinal))?[EvidenceLines.PhasePrefix.Length..];

    private static RunRecord Replace(RunRecord run, string name, Func<TestRecord, TestRecord> change) =>
        run with { Tests = run.Tests.Select(t => t.Name == name ? change(t) : t).ToList() };

    private static RunRecord WithRecord(RunRecord run, int phase, Action<JsonObject> edit)
    {
        var holder = run.Tests.First(t => t.Name.StartsWith($"Phase {phase} ", StringComparison.Ordinal) && RecordLine(t.StdOut) is not null);
        var line = RecordLine(holder.StdOut)!;
        var record = (JsonObject)JsonNode.Parse(line)!;
        edit(record);
        return Replace(run, holder.Name, t => t with { StdOut = t.StdOut.Replace(line, record.ToJsonString(), StringComparison.Ordinal) });
    }

    private static void SetIdentity(JsonObject record, string field, string? value)
    {
        if (field != SettingNames.CampaignId)
        {
            if (value is null) record.Remove(field);
            else record[field] = value;
            return;
        }

        var settings = record["settings"]!.AsArray();
        var entry = settings.First(s => s!["name"]!.GetValue<string>() == field)!;
        if (value is null) settings.Remove(entry);
        else entry["value"] = value;
    }

    private static IEnumerable<string> NumberPaths(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Where(kv => kv.Key is not ("settings" or "cluster" or "engine"))
            .SelectMany(kv => NumberPaths(kv.Value, path.Length == 0 ? kv.Key : $"{path}.{kv.Key}")),
        JsonArray a => a.SelectMany((item, i) => NumberPaths(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => [path],
        _ => [],
    };

    private static JsonNode? At(JsonNode node, string path)
    {
        foreach (Match step in Step().Matches(path))
            node = step.Groups[1].Success ? node[step.Groups[1].Value]! : node[int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture)]!;
        return node;
    }

    private static void Set(JsonObject record, string path, JsonNode value)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        if (cut < 0)
        {
            record[path] = value;
            return;
        }

        var parent = At(record, path[..cut])!;
        var last = path[cut..].TrimStart('.');
        if (last.StartsWith('[')) parent[int.Parse(last[1..^1], CultureInfo.InvariantCulture)] = value;
        else parent[last] = value;
    }

    private static string Text(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:^|\.)([^.\[]+)|\[(\d+)\]")]
    private static partial Regex Step();
}
