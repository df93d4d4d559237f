using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory get ID` (full id or unique prefix): --json → {"memory","links"}; a missing id exits 1.</summary>
public static class GetCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, [], [], maxPositionals: 1);
        var id = a.Positional(0) ?? throw new UsageException("the following required arguments were not provided: <ID>");
        using var store = CliDefaults.OpenStore(global);
        var memory = store.Get(id) ?? throw new CommandFailedException($"memory not found: {id}");
        var links = LinkTable.For(store, memory.Id);
        if (global.Json)
        {
            Console.Out.WriteLine(new JsonObject { ["memory"] = MemoryJson.Node(memory), ["links"] = LinkTable.ToJson(links) }
                .ToJsonString(Json.Wire));
            return 0;
        }
        Console.Out.WriteLine($"{memory.Id} [{memory.Tier}] {memory.Title} (ns={memory.Namespace})");
        Console.Out.WriteLine(memory.Content);
        foreach (var l in links) Console.Out.WriteLine($"  {l.SourceId} --{l.Relation}--> {l.TargetId}");
        return 0;
    }
}
