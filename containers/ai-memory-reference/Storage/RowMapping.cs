using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using Microsoft.Data.Sqlite;

namespace AiMemory.Reference.Storage;

/// <summary>Column list, row → Memory and Memory → parameters, in one place so every query reads rows the same way.</summary>
internal static class RowMapping
{
    public const string Columns =
        "m.id, m.tier, m.namespace, m.title, m.content, m.tags, m.priority, m.confidence, m.source, m.access_count, " +
        "m.created_at, m.updated_at, m.last_accessed_at, m.expires_at, m.metadata";

    public const int ColumnCount = 15;

    public static Memory Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Tier = r.GetString(1),
        Namespace = r.GetString(2),
        Title = r.GetString(3),
        Content = r.GetString(4),
        Tags = ParseTags(r.GetString(5)),
        Priority = r.GetInt32(6),
        Confidence = r.GetDouble(7),
        Source = r.GetString(8),
        AccessCount = r.GetInt64(9),
        CreatedAt = r.GetString(10),
        UpdatedAt = r.GetString(11),
        LastAccessedAt = r.IsDBNull(12) ? null : r.GetString(12),
        ExpiresAt = r.IsDBNull(13) ? null : r.GetString(13),
        Metadata = ParseMetadata(r.GetString(14)),
    };

    public static void Bind(SqliteCommand cmd, Memory m)
    {
        cmd.Parameters.AddWithValue("$id", m.Id);
        cmd.Parameters.AddWithValue("$tier", m.Tier);
        cmd.Parameters.AddWithValue("$namespace", m.Namespace);
        cmd.Parameters.AddWithValue("$title", m.Title);
        cmd.Parameters.AddWithValue("$content", m.Content);
        cmd.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(m.Tags, Json.Types.Strings));
        cmd.Parameters.AddWithValue("$priority", m.Priority);
        cmd.Parameters.AddWithValue("$confidence", m.Confidence);
        cmd.Parameters.AddWithValue("$source", m.Source);
        cmd.Parameters.AddWithValue("$access_count", m.AccessCount);
        cmd.Parameters.AddWithValue("$created_at", m.CreatedAt);
        cmd.Parameters.AddWithValue("$updated_at", m.UpdatedAt);
        cmd.Parameters.AddWithValue("$last_accessed_at", (object?)m.LastAccessedAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$expires_at", (object?)m.ExpiresAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$metadata", m.Metadata.ToJsonString(Json.Wire));
    }

    public const string InsertSql =
        "INSERT INTO memories (id, tier, namespace, title, content, tags, priority, confidence, source, access_count, " +
        "created_at, updated_at, last_accessed_at, expires_at, metadata) VALUES ($id, $tier, $namespace, $title, $content, " +
        "$tags, $priority, $confidence, $source, $access_count, $created_at, $updated_at, $last_accessed_at, $expires_at, $metadata)";

    /// <summary>Rewrites every mutable column of the row with id $id.</summary>
    public const string UpdateSql =
        "UPDATE memories SET tier = $tier, namespace = $namespace, title = $title, content = $content, tags = $tags, " +
        "priority = $priority, confidence = $confidence, source = $source, access_count = $access_count, " +
        "created_at = $created_at, updated_at = $updated_at, last_accessed_at = $last_accessed_at, " +
        "expires_at = $expires_at, metadata = $metadata WHERE id = $id";

    private static IReadOnlyList<string> ParseTags(string json)
    {
        try { return JsonSerializer.Deserialize(json, Json.Types.Strings) ?? []; }
        catch (JsonException) { return []; }
    }

    private static JsonObject ParseMetadata(string json)
    {
        try { return JsonNode.Parse(json) as JsonObject ?? new JsonObject(); }
        catch (JsonException) { return new JsonObject(); }
    }
}
