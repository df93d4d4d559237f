using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Html;
using ShipGate.Results.Model;

namespace ShipGate.Results.Output;

/// <summary>
/// Writes runs/&lt;campaign&gt;/: one JSON per phase file, phase4-cycles.jsonl, campaign-summary.json, index.html.
/// Every file goes through a temporary name and a rename, so a reader never sees half of one.
/// </summary>
public static class ResultsWriter
{
    public const string SummaryFile = "campaign-summary.json";
    public const string IndexFile = "index.html";
    public const string CyclesFile = "phase4-cycles.jsonl";

    /// <summary>
    /// Every file name this writer may leave; stale ones from an earlier conversion are removed first, the summary
    /// before any other, so a removal that fails leaves no earlier summary (a stale pass) beside the new files.
    /// </summary>
    private static readonly string[] Owned =
        [SummaryFile, IndexFile, "phase1-node-a.json", "phase1-node-b.json", "phase1-node-c.json", "phase2.json", "phase3.json", "phase4.json", CyclesFile];

    /// <summary>
    /// Before anything is read or judged: the folder's earlier summary and files go, and the runs index is rebuilt
    /// without its row, so a conversion that then fails (bad input, a crash) leaves no earlier pass behind.
    /// </summary>
    public static void Clear(string outDir)
    {
        if (!Directory.Exists(outDir)) return;
        foreach (var stale in Owned) File.Delete(Path.Combine(outDir, stale));
        RebuildIndex(RunsIndex.RunsDirOf(outDir));
    }

    public static void Write(CampaignResult result, string outDir)
    {
        Directory.CreateDirectory(outDir);
        foreach (var stale in Owned) File.Delete(Path.Combine(outDir, stale));
        foreach (var report in result.Reports) Save(Path.Combine(outDir, report.FileName), report.Json);
        if (result.Reports.FirstOrDefault(r => r.Phase == 4) is { } p4) WriteCycles(p4.Evidence, outDir);
        Atomic(Path.Combine(outDir, IndexFile), HtmlReport.Render(result));
        // The summary goes last: a reader that sees it sees a complete folder.
        Save(Path.Combine(outDir, SummaryFile), result.Summary);
        RebuildIndex(RunsIndex.RunsDirOf(outDir));
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/>, then renames it over it.</summary>
    public static void Atomic(string path, string text)
    {
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(tmp, text);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    /// <summary>
    /// The runs index beside the campaign folders lists this campaign from now on. The campaign's own files are
    /// complete before it, and an index that cannot be written must not fail them: it says why on stderr instead.
    /// </summary>
    private static void RebuildIndex(string runsDir)
    {
        try
        {
            if (RunsIndex.Rebuild(runsDir) is null)
                Console.Error.WriteLine($"shipgate-results: warning: {Path.Combine(runsDir, RunsIndex.File)} is not a ShipGate runs index; left alone");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"shipgate-results: warning: runs index in {runsDir} not rebuilt: {e.Message}");
        }
    }

    private static void Save(string path, JsonNode json) => Atomic(path, json.ToJsonString(J.Write) + "\n");

    /// <summary>One line per cycle, from the phase evidence record (the only source: the gate writes no files of its own).</summary>
    private static void WriteCycles(JsonObject? evidence, string outDir)
    {
        var lines = J.Array(evidence, "classes").SelectMany(c => J.Array(c, "cycles")).Select(c => (c?.ToJsonString() ?? "{}") + "\n");
        Atomic(Path.Combine(outDir, CyclesFile), string.Concat(lines));
    }
}
