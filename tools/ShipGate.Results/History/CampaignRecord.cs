using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;
using ShipGate.Results.Output;

namespace ShipGate.Results.History;

/// <summary>One fact of a campaign by its criterion key: passed, failed or not_run, with the message it left.</summary>
public sealed record FactState(string Key, int Phase, string Status, string? Message)
{
    public bool Passed => Status == "passed";

    public bool Failed => Status == "failed";
}

/// <summary>One setting as the campaign used it: value and layer.</summary>
public sealed record SettingValue(string Name, string? Value, string? Source);

/// <summary>
/// A campaign as history sees it, read from its campaign-summary.json (which copies every phase file, checks
/// included): identity, verdict, facts by key, key figures, settings. Fields a summary lacks (strength, sut_kind
/// in older ones) stay null; a summary that does not parse is a record with <see cref="Error"/> set.
/// </summary>
public sealed class CampaignRecord(string folder, string id, JsonObject summary, string? error = null)
{
    public string Folder { get; } = folder;

    public string Id { get; } = id;

    public JsonObject Summary { get; } = summary;

    public string? Error { get; } = error;

    public string? Ref => J.Str(Summary, "ai_memory_git_ref");

    public string? Version => J.Str(Summary, "sut_version");

    public string? Image => J.Str(Summary, "sut_image");

    public string? ImageId => J.Str(Summary, "sut_image_id");

    /// <summary>"release" or "rehearsal" when the converter recorded it; null in summaries written before it did.</summary>
    public string? Strength => J.Str(Summary, "strength");

    public string? SutKind => J.Str(Summary, "sut_kind");

    public bool Pass => Error is null && J.Bool(Summary, "overall_pass") == true;

    public string? CompletedAt => J.Str(Summary, "completed_at");

    public IReadOnlyList<string> Reasons => J.Array(Summary, "reasons").Select(Text).ToList();

    /// <summary>The image id without "sha256:", 12 hex digits, as docker prints it.</summary>
    public string? ShortImageId
    {
        get
        {
            var hex = ImageId?.Replace("sha256:", "", StringComparison.Ordinal);
            return hex is { Length: > 12 } ? hex[..12] : hex;
        }
    }

    /// <summary>
    /// Every fact once by key. Phase 1's once-facts are copied into each node's file, so a key can appear more than
    /// once: it counts as failed if any copy failed, passed only if every copy passed.
    /// </summary>
    public IReadOnlyList<FactState> Facts => facts ??= J.Array(Summary, "phases")
        .SelectMany(p => J.Array(p, "checks").Select(c => (Phase: J.Int(p, "phase"), Check: c)))
        .GroupBy(x => J.Str(x.Check, "criterion") ?? J.Str(x.Check, "name") ?? "?", StringComparer.Ordinal)
        .Select(g =>
        {
            var worst = g.OrderBy(x => J.Str(x.Check, "status") switch { "failed" => 0, "passed" => 2, _ => 1 }).First();
            return new FactState(g.Key, worst.Phase, J.Str(worst.Check, "status") ?? "failed", J.Str(worst.Check, "message"));
        }).ToList();

    public IReadOnlyList<FactState> FailedFacts => Facts.Where(f => f.Failed).ToList();

    public IReadOnlyList<FigureValue> Figures => figures ??= Figure.All.SelectMany(f => f.Of(Summary)).ToList();

    public IReadOnlyList<SettingValue> Settings => J.Array(Summary, "settings")
        .Select(s => new SettingValue(J.Str(s, "name") ?? "?", J.Str(s, "value"), J.Str(s, "source"))).ToList();

    private IReadOnlyList<FactState>? facts;
    private IReadOnlyList<FigureValue>? figures;

    /// <summary>Reads <paramref name="folder"/>/campaign-summary.json; never throws for a bad file (see <see cref="Error"/>).</summary>
    public static CampaignRecord Load(string folder)
    {
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultsWriter.SummaryFile))) as JsonObject
                ?? throw new JsonException("not a JSON object");
            return new CampaignRecord(folder, J.Str(json, "campaign_id") ?? id, json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new CampaignRecord(folder, id, [], $"{ResultsWriter.SummaryFile} unreadable: {e.Message}");
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
}
