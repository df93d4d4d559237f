using System.Text.Json;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory store` (contract §3.2): one upsert on (title, namespace), after a GC pass for expired rows.</summary>
public static class StoreCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args,
            ["-t,--tier", "-n,--namespace", "-T,--title", "-c,--content", "--tags", "-p,--priority", "--confidence",
             "-S,--source", "--expires-at", "--ttl-secs", "--scope"], []);
        var title = a.Required("title");
        var content = a.Required("content");
        if (content == "-") content = Console.In.ReadToEnd();

        var request = new StoreRequest
        {
            Title = title, Content = content,
            Tier = a.String("tier") ?? Tiers.Mid,
            Namespace = a.String("namespace") ?? CliDefaults.Namespace(),
            Tags = CliDefaults.Tags(a.String("tags")),
            Priority = a.Long("priority") ?? 5,
            Confidence = a.Double("confidence") ?? 1.0,
            Source = a.String("source") ?? "cli",
            ExpiresAt = a.String("expires-at"), TtlSecs = a.Long("ttl-secs"), Scope = a.String("scope"),
            AgentId = CliDefaults.AgentId(global),
        };
        var (memory, error) = request.Validate();
        CliDefaults.Check(error);

        using var store = CliDefaults.OpenStore(global);
        store.CollectGarbage();
        var stored = store.Upsert(memory!).Stored;
        Console.Out.WriteLine(global.Json
            ? MemoryJson.Node(stored).ToJsonString(Json.Wire)
            : $"stored: {stored.Id} [{stored.Tier}] (ns={stored.Namespace})");
        return 0;
    }
}
