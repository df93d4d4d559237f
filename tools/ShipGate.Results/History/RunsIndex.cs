using ShipGate.Results.Html;
using ShipGate.Results.Output;

namespace ShipGate.Results.History;

/// <summary>
/// runs/index.html: one row per campaign folder holding a campaign-summary.json, newest first, rebuilt from the
/// summaries every time (nothing is kept between rebuilds, so a deleted or re-converted campaign is simply seen anew).
/// </summary>
public static class RunsIndex
{
    public const string File = "index.html";

    /// <summary>Marks a page as this index, so a rebuild never overwrites an index.html it did not write.</summary>
    public const string Generator = "shipgate-runs-index";

    /// <summary>Every campaign under <paramref name="runsDir"/>, newest first (completed_at, then id).</summary>
    public static IReadOnlyList<CampaignRecord> Scan(string runsDir)
    {
        if (!Directory.Exists(runsDir)) return [];
        return Directory.EnumerateDirectories(runsDir)
            .Where(d => System.IO.File.Exists(Path.Combine(d, ResultsWriter.SummaryFile)))
            .Select(CampaignRecord.Load)
            .OrderByDescending(c => c.CompletedAt ?? "", StringComparer.Ordinal)
            .ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Writes <paramref name="runsDir"/>/index.html from every summary below it and returns how many campaigns it lists;
    /// null when an index.html is there that this index did not write (it is left alone).
    /// </summary>
    public static int? Rebuild(string runsDir)
    {
        var target = Path.Combine(runsDir, File);
        if (System.IO.File.Exists(target) && !IsOurs(target)) return null;
        var campaigns = Scan(runsDir);
        var tmp = target + ".tmp";
        System.IO.File.WriteAllText(tmp, IndexPage.Render(campaigns));
        System.IO.File.Move(tmp, target, overwrite: true);
        return campaigns.Count;
    }

    /// <summary>The runs folder a campaign folder lives in: the index beside its siblings.</summary>
    public static string RunsDirOf(string campaignDir) =>
        Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(campaignDir))) ?? ".";

    private static bool IsOurs(string path)
    {
        using var reader = new StreamReader(path);
        var head = new char[512];
        var n = reader.ReadBlock(head, 0, head.Length);
        return new string(head, 0, n).Contains($"<meta name=\"generator\" content=\"{Generator}\">", StringComparison.Ordinal);
    }
}
