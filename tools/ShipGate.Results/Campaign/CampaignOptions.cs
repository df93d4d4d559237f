namespace ShipGate.Results.Campaign;

/// <summary>What the converter is told about the campaign: id, ai-memory ref, which phases were meant to run.</summary>
public sealed record CampaignOptions(
    string CampaignId,
    string AiMemoryRef,
    IReadOnlyList<int> ExpectedPhases,
    string GateCommit,
    DateTimeOffset CompletedAt)
{
    public static readonly IReadOnlyList<int> AllPhases = [1, 2, 3, 4];

    /// <summary>"1,2" → [1, 2]; throws on anything that is not a list of phase numbers 1–4.</summary>
    public static IReadOnlyList<int> ParsePhases(string text)
    {
        var phases = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, out var n) && AllPhases.Contains(n) ? n : throw new Model.ResultsInputException($"--phases: '{p}' is not a phase (expected a list of 1–4, e.g. 1,2)"))
            .Distinct().Order().ToList();
        return phases.Count > 0 ? phases : throw new Model.ResultsInputException("--phases: empty list (expected e.g. 1,2,3,4)");
    }

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
