namespace ShipGate.Results.Campaign;

/// <summary>What the converter is told about the campaign: id, ai-memory ref, the gate's commit. A campaign is always all four phases.</summary>
public sealed record CampaignOptions(
    string CampaignId,
    string AiMemoryRef,
    string GateCommit,
    DateTimeOffset CompletedAt)
{
    public static readonly IReadOnlyList<int> AllPhases = [1, 2, 3, 4];

    /// <summary>The gate's commit: git rev-parse HEAD in <paramref name="dir"/>, or "unknown".</summary>
    public static string GitCommit(string dir)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git", ["-C", dir, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = System.Diagnostics.Process.Start(psi);
            if (git is null) return "unknown";
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && output.Length >= 7 ? output : "unknown";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return "unknown";
        }
    }
}
