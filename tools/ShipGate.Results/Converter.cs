using ShipGate.Results.Campaign;
using ShipGate.Results.Model;
using ShipGate.Results.Output;
using ShipGate.Results.Trx;

namespace ShipGate.Results;

/// <summary>The command's exit codes.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int CampaignFailed = 1;
    public const int BadInput = 2;
}

/// <summary>What one conversion published: its exit code and the campaign it built (null on bad input: nothing published).</summary>
public sealed record Publication(int Exit, CampaignResult? Result, string? Error)
{
    public bool Pass => Exit == ExitCodes.Pass;
}

/// <summary>
/// TRX files (or live runs) → runs/&lt;campaign&gt;/: the one campaign build that both the results logger and
/// ./shipgate's judge call, so the exit code and the published summary come from the same result. The folder's
/// earlier summary and its index row go before anything is read; bad input, or any exception on the way, prints
/// one error line naming it, exits 2 and leaves no summary at all.
/// </summary>
public static class Converter
{
    public static int ConvertTrx(IReadOnlyList<string> trxFiles, string outDir, CampaignOptions options, TextWriter log) =>
        Publish(() => trxFiles.Select(TrxReader.Read).ToList(), outDir, options, log).Exit;

    public static int Convert(Func<IReadOnlyList<RunRecord>> runs, string outDir, CampaignOptions options, TextWriter log) =>
        Publish(runs, outDir, options, log).Exit;

    public static Publication Publish(Func<IReadOnlyList<RunRecord>> runs, string outDir, CampaignOptions options, TextWriter log)
    {
        if (Attempt(() => ResultsWriter.Clear(outDir)) is { } clearError)
            return Refuse($"cannot clear {outDir} of its earlier results: {clearError}", log);
        CampaignResult? result = null;
        if (Attempt(() => result = CampaignBuilder.Build(runs(), options)) is { } buildError) return Refuse(buildError, log);
        if (Attempt(() => ResultsWriter.Write(result!, outDir)) is { } writeError)
        {
            // Whatever the failed write left, no summary of this campaign stays behind.
            Attempt(() => ResultsWriter.Clear(outDir));
            return Refuse($"cannot write {outDir}: {writeError}", log);
        }

        var pass = result!.OverallPass;
        log.WriteLine($"shipgate-results: campaign {options.CampaignId}: {(pass ? "PASS" : "FAIL")} → {Path.Combine(outDir, ResultsWriter.IndexFile)}");
        foreach (var reason in result.Reasons.Take(5)) log.WriteLine($"shipgate-results:   {reason}");
        if (result.Reasons.Count > 5) log.WriteLine($"shipgate-results:   … and {result.Reasons.Count - 5} more in {ResultsWriter.SummaryFile}");
        return new Publication(pass ? ExitCodes.Pass : ExitCodes.CampaignFailed, result, null);
    }

    private static Publication Refuse(string error, TextWriter log)
    {
        log.WriteLine($"shipgate-results: error: {error}");
        return new Publication(ExitCodes.BadInput, null, error);
    }

    /// <summary>
    /// Runs a step and returns why it failed, or null. Every exception counts: an input the converter did not
    /// foresee is bad input with its own name, never a crash that leaves the folder as it was.
    /// </summary>
    private static string? Attempt(Action step)
    {
        try
        {
            step();
            return null;
        }
        catch (ResultsInputException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"the input broke the converter ({e.GetType().Name}: {e.Message})";
        }
    }
}
