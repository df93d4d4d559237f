using System.Text.Json.Serialization;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Curator;
using AiMemory.Reference.Migration;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Model;

/// <summary>
/// Every type the node serializes or deserializes as a whole (not via JsonNode), generated at compile time: Native
/// AOT has no reflection-based serializer. A type missing here fails the build at its call site, not at run time,
/// because call sites pass these JsonTypeInfo properties. Json binds this context to the wire options.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Memory))]
[JsonSerializable(typeof(List<Memory>), TypeInfoPropertyName = "Memories")]
[JsonSerializable(typeof(IReadOnlyList<string>), TypeInfoPropertyName = "Strings")]
[JsonSerializable(typeof(List<string>), TypeInfoPropertyName = "StringList")]
[JsonSerializable(typeof(StoreStats))]
[JsonSerializable(typeof(IReadOnlyList<NamespaceCount>), TypeInfoPropertyName = "NamespaceCounts")]
[JsonSerializable(typeof(BackupCommand.Manifest))]
[JsonSerializable(typeof(CuratorReport))]
[JsonSerializable(typeof(MigrateReport))]
public sealed partial class WireTypes : JsonSerializerContext;
