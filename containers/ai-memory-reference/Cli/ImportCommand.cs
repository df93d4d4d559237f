using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>
/// `ai-memory import`: reads {"memories":[…]} (what export writes) or a bare array from stdin, in one process.
/// Full rows (with id and timestamps) are merged as they are; create-shaped items (title, content, …) are stored like
/// `store` would, with source "import" by default. Invalid items are skipped, never fatal.
/// </summary>
public static class ImportCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        ArgReader.Parse(args, [], []);
        JsonNode? document;
        try { document = JsonNode.Parse(Console.In.ReadToEnd()); }
        catch (JsonException e) { throw new CommandFailedException($"import input is not JSON: {e.Message}"); }
        var items = document switch
        {
            JsonArray array => array,
            JsonObject { } obj when obj["memories"] is JsonArray array => array,
            _ => throw new CommandFailedException("import expects {\"memories\":[…]} or a JSON array"),
        };

        var agentId = CliDefaults.AgentId(global);
        using var store = CliDefaults.OpenStore(global);
        int imported = 0, skipped = 0;
        foreach (var item in items)
        {
            if (item is JsonObject obj && TryImport(store, obj, agentId)) imported++;
            else skipped++;
        }
        Console.Out.WriteLine(new JsonObject { ["imported"] = imported, ["skipped"] = skipped }.ToJsonString(Json.Wire));
        return 0;
    }

    private static bool TryImport(IMemoryStore store, JsonObject item, string agentId)
    {
        try
        {
            if (item["id"] is not null && item["created_at"] is not null && item["updated_at"] is not null)
            {
                var memory = item.Deserialize(Json.Types.Memory);
                return memory is not null && Validation.SyncedMemory(memory, FaultSwitches.Current) is null
                       && store.Merge(memory) == MergeOutcome.Applied;
            }
            var request = new StoreRequest
            {
                Title = Text(item, "title") ?? "", Content = Text(item, "content") ?? "",
                Tier = Text(item, "tier") ?? Tiers.Mid, Namespace = Text(item, "namespace") ?? "global",
                Tags = item["tags"]?.Deserialize(Json.Types.StringList) ?? [],
                Priority = item["priority"]?.GetValue<long>() ?? 5,
                Confidence = item["confidence"]?.GetValue<double>() ?? 1.0,
                Source = Text(item, "source") ?? "import",
                ExpiresAt = Text(item, "expires_at"), TtlSecs = item["ttl_secs"]?.GetValue<long>(),
                Scope = Text(item, "scope"),
                Metadata = item["metadata"] as JsonObject is { } md ? (JsonObject)md.DeepClone() : new JsonObject(),
                AgentId = Text(item, "agent_id") ?? agentId,
            };
            var (create, error) = request.Validate();
            if (error is not null) return false;
            store.Upsert(create!);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
