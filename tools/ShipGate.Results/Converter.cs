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

/// <summary>
/// TRX files (or live runs) → runs/&lt;campaign&gt;/. Bad input prints one error line, exits 2 and leaves a
/// failing summary naming the problem (never a passing one, and no stale files of an earlier conversion).
/// </summary>
public static class Converter
{
    public static int ConvertTrx(IReadOnlyList<string> trxFiles, string outDir, CampaignOptions options, TextWriter log) =>
        Convert(() => trxFiles.Select(TrxReader.Read).ToList(), outDir, options, log);

    public static int Convert(Func<IReadOnlyList<RunRecord>> runs, string outDir, CampaignOptions options, TextWriter log)
    {
        CampaignResult result;
        try
        {
            result = CampaignBuilder.Build(runs(), options);
        }
        catch (ResultsInputException e)
        {
            TryWrite(CampaignBuilder.BadInput(e.Message, options), outDir, log);
            log.WriteLine($"shipgate-results: error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (TryWrite(result, outDir, log) is { } writeError)
        {
            log.WriteLine($"shipgate-results: error: cannot write {outDir}: {writeError}");
            return ExitCodes.BadInput;
        }

        var pass = result.OverallPass;
        log.WriteLine($"shipgate-results: campaign {options.CampaignId}: {(pass ? "PASS" : "FAIL")} → {Path.Combine(outDir, ResultsWriter.IndexFile)}");
        foreach (var reason in result.Reasons.Take(5)) log.WriteLine($"shipgate-results:   {reason}");
        if (result.Reasons.Count > 5) log.WriteLine($"shipgate-results:   … and {result.Reasons.Count - 5} more in {ResultsWriter.SummaryFile}");
        return pass ? ExitCodes.Pass : ExitCodes.CampaignFailed;
    }

    private static string? TryWrite(CampaignResult result, string outDir, TextWriter log)
    {
        try
        {
            ResultsWriter.Write(result, outDir);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }
}
