using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>Health, stats, namespaces and metrics (contract §1.4, §1.8, §1.9).</summary>
public static class ReadRoutes
{
    /// <summary>The crate version HEAD reports in its health body (head_bodies).</summary>
    public const string HeadVersion = "0.6.4";

    public static Task Health(HttpContext ctx, NodeContext node)
    {
        // health_never_ok: a daemon that serves but never reports itself healthy (its check always fails).
        var ok = Healthy(node.Store) && !(node.MaintenanceMarker is { } marker && File.Exists(marker))
            && !node.Faults.IsOn(FaultSwitches.HealthNeverOk);
        var body = new JsonObject { ["status"] = ok ? "ok" : "error", ["service"] = "ai-memory" };
        // v0.7.0 answers with these too (src/handlers/transport.rs:1657-1663); it has no embedder here (Release/EmbedderLoad.cs).
        if (node.Faults.IsOn(FaultSwitches.HeadBodies) || ReleaseVersion.IsV070)
        {
            body["version"] = ReleaseVersion.IsV070 ? ReleaseVersion.Current : HeadVersion;
            body["embedder_ready"] = false;
            body["federation_enabled"] = node.Federation is not null;
        }
        return Reply.Json(ctx, ok ? 200 : 503, body);
    }

    public static Task Stats(HttpContext ctx, NodeContext node)
    {
        var s = node.Store.Stats();
        var body = new JsonObject
        {
            ["total"] = s.Total,
            ["by_tier"] = new JsonArray(s.ByTier.Select(t => (JsonNode)new JsonObject { ["tier"] = t.Tier, ["count"] = t.Count }).ToArray()),
            ["by_namespace"] = NamespaceArray(s.ByNamespace),
            ["expiring_soon"] = s.ExpiringSoon,
            ["links_count"] = s.LinksCount,
            ["db_size_bytes"] = s.DbSizeBytes,
        };
        if (node.Faults.IsOn(FaultSwitches.HeadBodies) || ReleaseVersion.IsV070)
        {
            body["dim_violations"] = 0;
            body["index_evictions_total"] = 0;
        }
        return Reply.Json(ctx, 200, body);
    }

    public static Task Namespaces(HttpContext ctx, NodeContext node) =>
        Reply.Json(ctx, 200, new JsonObject { ["namespaces"] = NamespaceArray(node.Store.Namespaces()) });

    public static Task Metrics(HttpContext ctx, NodeContext node) =>
        Reply.Text(ctx, 200, node.Metrics.Render(node.Store.Stats().Total), "text/plain; version=0.0.4; charset=utf-8");

    private static JsonArray NamespaceArray(IEnumerable<NamespaceCount> counts) =>
        new(counts.Select(n => (JsonNode)new JsonObject { ["namespace"] = n.Namespace, ["count"] = n.Count }).ToArray());

    // Readable tables and a full-text index that answers: the cheap form of v0.6.0's FTS integrity check.
    private static bool Healthy(IMemoryStore store)
    {
        try
        {
            return store.WithConnection(db =>
            {
                using var cmd = db.CreateCommand();
                cmd.CommandText = "SELECT (SELECT COUNT(*) FROM memories) >= 0 AND (SELECT COUNT(*) FROM memories_fts WHERE memories_fts MATCH 'x') >= 0";
                return Convert.ToInt64(cmd.ExecuteScalar()) == 1;
            });
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            return false;
        }
    }
}
