using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory list`: non-expired rows, priority then recency; --json → {"memories","count"}.</summary>
public static class ListCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["-n,--namespace", "-t,--tier", "--limit", "--offset", "--tags", "--since", "--until"], []);
        using var store = CliDefaults.OpenStore(global);
        var rows = store.List(new ListQuery
        {
            Namespace = a.String("namespace"), Tier = a.String("tier"),
            Limit = Math.Clamp(a.Int("limit") ?? 20, 0, 1000), Offset = a.Int("offset") ?? 0,
            Tag = a.String("tags"), Since = a.String("since"), Until = a.String("until"),
        });
        Print(rows, global.Json);
        return 0;
    }

    public static void Print(IReadOnlyList<Memory> rows, bool json, string key = "memories")
    {
        if (json)
        {
            Console.Out.WriteLine(new JsonObject { [key] = MemoryJson.Array(rows), ["count"] = rows.Count }.ToJsonString(Json.Wire));
            return;
        }
        foreach (var m in rows) Console.Out.WriteLine($"{m.Id} [{m.Tier}] {m.Title} (ns={m.Namespace})");
        Console.Out.WriteLine($"{rows.Count} memories");
    }
}
