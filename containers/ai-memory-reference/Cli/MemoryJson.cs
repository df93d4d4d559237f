using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>Wire JSON helpers for outputs that extend a Memory (recall's "score").</summary>
public static class MemoryJson
{
    public static JsonObject Node(Memory m) => JsonSerializer.SerializeToNode(m, Json.Types.Memory)!.AsObject();

    public static JsonObject Scored(ScoredMemory s)
    {
        var node = Node(s.Memory);
        node["score"] = s.Score;
        return node;
    }

    public static JsonArray Array(IEnumerable<Memory> memories) => new(memories.Select(m => (JsonNode)Node(m)).ToArray());
}
