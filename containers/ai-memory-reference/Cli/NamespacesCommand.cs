using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory namespaces`: non-expired counts per namespace; --json → {"namespaces":[…]}.</summary>
public static class NamespacesCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        ArgReader.Parse(args, [], []);
        using var store = CliDefaults.OpenStore(global);
        var namespaces = store.Namespaces();
        if (global.Json)
            Console.Out.WriteLine(new JsonObject { ["namespaces"] = JsonSerializer.SerializeToNode(namespaces, Json.Types.NamespaceCounts) }.ToJsonString(Json.Wire));
        else
            foreach (var n in namespaces) Console.Out.WriteLine($"{n.Namespace}: {n.Count}");
        return 0;
    }
}
