using System.Text.Json;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Migration;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory migrate --from URL --to URL` (contract §3.7): exit 1 when the report carries errors.</summary>
public static class MigrateCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["--from", "--to", "--batch", "--namespace"], ["--dry-run"]);
        var from = a.Required("from");
        var to = a.Required("to");
        if (a.Int("batch") is < 1) throw new UsageException("--batch must be at least 1");
        var faults = FaultSwitches.Current;
        StoreUrl.Check(from);
        StoreUrl.Check(to);

        using var source = StoreUrl.Open(from, asDestination: false, faults);
        using var destination = StoreUrl.Open(to, asDestination: true, faults);
        var report = new Migrator(faults).Run(source, destination, from, to, a.String("namespace"), a.Flag("dry-run"));
        foreach (var path in new[] { from, to }.Select(StoreUrl.SqlitePathOrNull).OfType<string>()) MaintenanceMarker.Leave(path, faults);

        if (global.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json.PrettyTypes.MigrateReport));
        }
        else
        {
            Console.Out.WriteLine($"migrate: read {report.MemoriesRead}, written {report.MemoriesWritten}, " +
                                  $"batches {report.Batches}, errors {report.Errors.Count}{(report.DryRun ? " (dry run)" : "")}");
            foreach (var e in report.Errors) Console.Error.WriteLine($"  {e}");
        }
        return Task.FromResult(report.Errors.Count == 0 ? 0 : 1);
    }
}
