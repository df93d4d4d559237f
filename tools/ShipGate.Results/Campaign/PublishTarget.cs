using System.Globalization;
using ShipGate.Contract;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Where a gate run's campaign is published and under which options, resolved the same way for the results logger
/// and ./shipgate's judge: a parameter first (the logger's Out, Campaign, Ref), else what the gate's settings class
/// recorded in the phase records (campaign id, results folder, ai-memory ref), else a default.
/// </summary>
public sealed record PublishTarget(string OutDir, CampaignOptions Options)
{
    public static PublishTarget Resolve(IReadOnlyList<TestRecord> tests, Func<string, string?> parameter, string root, DateTimeOffset started)
    {
        var recorded = RecordedSettings.Of(tests);
        var campaign = parameter("Campaign") ?? recorded.GetValueOrDefault(SettingNames.CampaignId)
            ?? started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var outDir = parameter("Out") is { } o ? Path.GetFullPath(o, root)
            : Path.Combine(Path.GetFullPath(recorded.GetValueOrDefault(SettingNames.ResultsDir) ?? "runs", root), campaign);
        var options = new CampaignOptions(
            campaign,
            parameter("Ref") ?? recorded.GetValueOrDefault(SettingNames.AiMemoryRef) ?? "unknown",
            CampaignOptions.GitCommit(root),
            DateTimeOffset.UtcNow);
        return new PublishTarget(outDir, options);
    }

    /// <summary>The nearest directory upwards from the given ones that holds ShipGate.Tests.sln, else the current directory.</summary>
    public static string RepoRoot(params string[] starts)
    {
        foreach (var start in starts.Prepend(Directory.GetCurrentDirectory()))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ShipGate.Tests.sln"))) return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
