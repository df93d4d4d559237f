using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Html;
using ShipGate.Results.Model;

namespace ShipGate.Results.Output;

/// <summary>Writes runs/&lt;campaign&gt;/: one JSON per phase file, phase4-cycles.jsonl, campaign-summary.json, index.html.</summary>
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

    public static void Write(CampaignResult result, string outDir)
    {
        Directory.CreateDirectory(outDir);
        foreach (var stale in Owned) File.Delete(Path.Combine(outDir, stale));
        foreach (var report in result.Reports) Save(Path.Combine(outDir, report.FileName), report.Json);
        if (result.Reports.FirstOrDefault(r => r.Phase == 4) is { } p4) WriteCycles(p4.Evidence, outDir);
        File.WriteAllText(Path.Combine(outDir, IndexFile), HtmlReport.Render(result));
        // The summary goes last: a reader that sees it sees a complete folder.
        Save(Path.Combine(outDir, SummaryFile), result.Summary);
        RebuildIndex(RunsIndex.RunsDirOf(outDir));
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

    private static void Save(string path, JsonNode json)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, json.ToJsonString(J.Write) + "\n");
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>One line per cycle, from the phase evidence record (the only source: the gate writes no files of its own).</summary>
    private static void WriteCycles(JsonObject? evidence, string outDir)
    {
        var target = Path.Combine(outDir, CyclesFile);
        var lines = J.Array(evidence, "classes").SelectMany(c => J.Array(c, "cycles")).Select(c => c?.ToJsonString() ?? "{}");
        File.WriteAllLines(target, lines);
    }
}
