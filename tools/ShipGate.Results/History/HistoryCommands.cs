using System.Diagnostics;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;
using ShipGate.Results.Html;
using ShipGate.Results.Output;

namespace ShipGate.Results.History;

/// <summary>
/// The history verbs of shipgate-results: <c>compare A B</c> (exit 0: no regression, 1: B has a red fact A had
/// green, 2: bad input) and <c>index DIR</c> (rebuilds DIR/index.html; exit 0, or 2 when it cannot).
/// </summary>
public static class HistoryCommands
{
    public const string CompareUsage =
        "usage: shipgate-results compare A B [--runs DIR] [--out FILE]   (A, B: campaign ids under DIR (default runs), campaign folders or summary files)";

    public const string IndexUsage = "usage: shipgate-results index DIR";

    public static int Compare(IReadOnlyList<string> args, TextWriter stdout, TextWriter log)
    {
        var positional = new List<string>();
        string runs = "runs", outFile = "";
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ResultsInputException($"{args[i]} needs a value; {CompareUsage}");
            switch (args[i])
            {
                case "--runs": runs = Next(); break;
                case "--out": outFile = Next(); break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    throw new ResultsInputException($"unknown argument '{flag}'; {CompareUsage}");
                default: positional.Add(args[i]); break;
            }
        }

        if (positional.Count != 2) throw new ResultsInputException(CompareUsage);
        var (a, b) = (Load(positional[0], runs), Load(positional[1], runs));
        var comparison = CampaignComparison.Of(a, b);
        if (outFile.Length == 0) outFile = Path.Combine(RunsIndex.RunsDirOf(b.Folder), $"compare-{FileSafe(a.Id)}-vs-{FileSafe(b.Id)}.html");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        Output.ResultsWriter.Atomic(outFile, ComparePage.Render(comparison, Path.GetDirectoryName(Path.GetFullPath(outFile))!));
        CompareText.Write(comparison, stdout);
        stdout.WriteLine($"page: {outFile}");
        return comparison.Regressions.Count > 0 ? ExitCodes.CampaignFailed : ExitCodes.Pass;
    }

    public static int Index(IReadOnlyList<string> args, TextWriter stdout, TextWriter log)
    {
        if (args.Count != 1) throw new ResultsInputException(IndexUsage);
        if (!Directory.Exists(args[0])) throw new ResultsInputException($"no folder {args[0]}; {IndexUsage}");
        var clock = Stopwatch.StartNew();
        if (RunsIndex.Rebuild(args[0]) is not { } count)
            throw new ResultsInputException($"{Path.Combine(args[0], RunsIndex.File)} exists and is not a ShipGate runs index; left alone");
        stdout.WriteLine($"shipgate-results: index of {count} campaigns → {Path.Combine(args[0], RunsIndex.File)} ({clock.Elapsed.TotalMilliseconds:0} ms)");
        return ExitCodes.Pass;
    }

    /// <summary>A campaign folder, a summary file, or an id under <paramref name="runs"/>; a summary that does not parse is bad input.</summary>
    private static CampaignRecord Load(string arg, string runs)
    {
        var folder = File.Exists(arg) ? Path.GetDirectoryName(Path.GetFullPath(arg))!
            : Directory.Exists(arg) && File.Exists(Path.Combine(arg, ResultsWriter.SummaryFile)) ? arg
            : Path.Combine(runs, arg);
        if (!File.Exists(Path.Combine(folder, ResultsWriter.SummaryFile)))
        {
            var underRuns = Path.Combine(runs, arg, ResultsWriter.SummaryFile);
            throw new ResultsInputException($"no campaign '{arg}': not a folder with {ResultsWriter.SummaryFile}, and no {underRuns}");
        }

        var record = CampaignRecord.Load(folder);
        return record.Error is null ? record : throw new ResultsInputException($"{folder}: {record.Error}");
    }

    private static string FileSafe(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
}
