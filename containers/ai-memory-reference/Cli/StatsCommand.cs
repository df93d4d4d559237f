using System.Text.Json;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory stats` (contract §3.4): the §1.8 object; a missing DB file is created empty.</summary>
public static class StatsCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        ArgReader.Parse(args, [], []);
        using var store = CliDefaults.OpenStore(global);
        var stats = store.Stats();
        if (global.Json)
        {
            if (!FaultSwitches.Current.IsOn(FaultSwitches.StatsTotalString))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(stats, Json.Types.StoreStats));
                return 0;
            }
            // stats_total_string replays a CLI printer that quoted the count: same value, a JSON string.
            var node = JsonSerializer.SerializeToNode(stats, Json.Types.StoreStats)!.AsObject();
            node["total"] = stats.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Console.Out.WriteLine(node.ToJsonString(Json.Wire));
            return 0;
        }
        Console.Out.WriteLine($"total: {stats.Total}");
        foreach (var t in stats.ByTier) Console.Out.WriteLine($"  tier {t.Tier}: {t.Count}");
        foreach (var n in stats.ByNamespace) Console.Out.WriteLine($"  namespace {n.Namespace}: {n.Count}");
        Console.Out.WriteLine($"expiring within 1h: {stats.ExpiringSoon}");
        Console.Out.WriteLine($"links: {stats.LinksCount}");
        Console.Out.WriteLine($"db size: {stats.DbSizeBytes} bytes");
        return 0;
    }
}
