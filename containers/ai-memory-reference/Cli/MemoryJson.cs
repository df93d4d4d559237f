using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;

namespace AiMemory.Reference.Cli;

/// <summary>Wire JSON helpers for outputs that extend a Memory (recall's "score").</summary>
public static class MemoryJson
{
    /// <summary>
    /// A memory as the wire has it. v0.7.0's Memory serializes four more fields after metadata, present on every row
    /// (serde defaults, no skip: src/models/memory.rs:413, :422, :445, :471): reflection_depth 0, memory_kind "observation" (:36-41),
    /// citations [], confidence_source "caller_provided" (:220-228). The reference node stores none of them, so every
    /// row carries the defaults.
    /// </summary>
    public static JsonObject Node(Memory m)
    {
        var node = JsonSerializer.SerializeToNode(m, Json.Types.Memory)!.AsObject();
        if (!ReleaseVersion.IsV070) return node;
        node["reflection_depth"] = 0;
        node["memory_kind"] = "observation";
        node["citations"] = new JsonArray();
        node["confidence_source"] = "caller_provided";
        return node;
    }

    public static JsonObject Scored(ScoredMemory s)
    {
        var node = Node(s.Memory);
        node["score"] = s.Score;
        return node;
    }

    public static JsonArray Array(IEnumerable<Memory> memories) => new(memories.Select(m => (JsonNode)Node(m)).ToArray());
}
