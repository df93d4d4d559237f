using System.Text.Json;
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
            Console.Out.WriteLine(JsonSerializer.Serialize(new { namespaces }, Json.Wire));
        else
            foreach (var n in namespaces) Console.Out.WriteLine($"{n.Namespace}: {n.Count}");
        return 0;
    }
}
