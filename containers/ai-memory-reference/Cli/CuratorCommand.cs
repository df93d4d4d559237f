using System.Text.Json;
using AiMemory.Reference.Curator;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>
/// `ai-memory curator` (contract §3.6): exactly one of --once, --daemon, --rollback ID, --rollback-last N (none is a
/// runtime error, exit 1). Without an LLM no cycle writes anything, so there is never a rollback entry to undo.
/// </summary>
public static class CuratorCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args,
            ["--rollback", "--rollback-last", "--interval-secs", "--max-ops", "--include-namespace", "--exclude-namespace"],
            ["--once", "--daemon", "--dry-run"]);
        var modes = new[] { a.Flag("once"), a.Flag("daemon"), a.Has("rollback"), a.Has("rollback-last") }.Count(m => m);
        if (modes == 0) throw new CommandFailedException("curator needs one of --once, --daemon, --rollback <ID>, --rollback-last <N>");
        if (modes > 1) throw new UsageException("--once, --daemon, --rollback and --rollback-last are mutually exclusive");
        var maxOps = a.Int("max-ops") ?? 100;
        var interval = Math.Clamp(a.Int("interval-secs") ?? 3600, 60, 86_400);

        if (a.String("rollback") is { } id) throw new CommandFailedException($"rollback entry not found: {id}");
        if (a.Has("rollback-last"))
        {
            Console.Out.WriteLine(global.Json ? "{\"rolled_back\":0,\"errors\":[]}" : "rolled back 0 entries");
            return 0;
        }

        using var store = CliDefaults.OpenStore(global);
        var cycle = new CuratorCycle(store, FaultSwitches.Current)
        {
            MaxOps = maxOps, DryRun = a.Flag("dry-run"),
            IncludeNamespaces = a.All("include-namespace"), ExcludeNamespaces = a.All("exclude-namespace"),
        };
        if (a.Flag("once"))
        {
            Print(cycle.Run(), global.Json);
            return 0;
        }

        // --daemon: one cycle per interval until the process is interrupted.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        while (!stop.IsCancellationRequested)
        {
            Print(cycle.Run(), global.Json);
            try { await Task.Delay(TimeSpan.FromSeconds(interval), stop.Token); }
            catch (OperationCanceledException) { }
        }
        return 0;
    }

    private static void Print(CuratorReport report, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json.PrettyTypes.CuratorReport));
            return;
        }
        Console.Out.WriteLine($"curator cycle: scanned {report.MemoriesScanned}, eligible {report.MemoriesEligible}, " +
                              $"dry_run {report.DryRun.ToString().ToLowerInvariant()}");
        foreach (var e in report.Errors) Console.Out.WriteLine($"  error: {e}");
    }
}
