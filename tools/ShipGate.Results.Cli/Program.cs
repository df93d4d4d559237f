using ShipGate.Results;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Judge;
using ShipGate.Results.Model;

// Exit 0: overall_pass. 1: the campaign failed. 2: bad input (one error line; never a passing summary).
// judge KIND:EXIT:TRX…: the exit code of ./shipgate (see JudgeCommand); prints the closing line CI reads.
const string Usage = "usage: shipgate-results --trx FILE… --out DIR --campaign ID --ref REF [--gate-commit SHA]\n" +
    "       shipgate-results judge KIND:EXIT:TRX… (KIND tests, release or facts; EXIT the exit code of dotnet test)\n" +
    "       " + HistoryCommands.CompareUsage + "\n       " + HistoryCommands.IndexUsage;
if (args.Length > 0 && args[0] == "judge") return JudgeCommand.Run(args[1..], Console.Out, Console.Error);
var trx = new List<string>();
string? outDir = null, campaign = null, aiRef = null, commit = null;
try
{
    // compare exits 0 (no regression), 1 (B has a red fact A had green) or 2 (bad input); index 0 or 2.
    if (args is ["compare", .. var compareArgs]) return HistoryCommands.Compare(compareArgs, Console.Out, Console.Error);
    if (args is ["index", .. var indexArgs]) return HistoryCommands.Index(indexArgs, Console.Out, Console.Error);
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[++i]
            : throw new ResultsInputException($"{args[i]} needs a value; {Usage}");
        switch (args[i])
        {
            case "--trx":
                trx.Add(Next());
                while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) trx.Add(args[++i]);
                break;
            case "--out": outDir = Next(); break;
            case "--campaign": campaign = Next(); break;
            case "--ref": aiRef = Next(); break;
            case "--gate-commit": commit = Next(); break;
            case "-h" or "--help": Console.WriteLine(Usage); return ExitCodes.Pass;
            default: throw new ResultsInputException($"unknown argument '{args[i]}'; {Usage}");
        }
    }

    if (outDir is null) throw new ResultsInputException($"--out DIR is required; {Usage}");
    if (campaign is null) throw new ResultsInputException($"--campaign ID is required; {Usage}");
    var options = new CampaignOptions(
        campaign,
        aiRef ?? "unknown",
        commit ?? CampaignOptions.GitCommit(Directory.GetCurrentDirectory()),
        DateTimeOffset.UtcNow);
    return Converter.ConvertTrx(trx, outDir, options, Console.Error);
}
catch (ResultsInputException e)
{
    Console.Error.WriteLine($"shipgate-results: error: {e.Message}");
    return ExitCodes.BadInput;
}
