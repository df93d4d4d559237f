using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory export [--namespace NS]`: every non-expired row as {"memories":[…],"count":n} on one line.</summary>
public static class ExportCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["-n,--namespace"], []);
        using var store = CliDefaults.OpenStore(global);
        var rows = store.List(new ListQuery { Namespace = a.String("namespace"), Limit = int.MaxValue });
        Console.Out.WriteLine(new JsonObject { ["memories"] = MemoryJson.Array(rows), ["count"] = rows.Count }.ToJsonString(Json.Wire));
        return 0;
    }
}
