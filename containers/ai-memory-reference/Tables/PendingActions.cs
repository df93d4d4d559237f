using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

public sealed record PendingAction(
    string Id, string ActionType, string? MemoryId, string Namespace, JsonObject Payload,
    string RequestedBy, string RequestedAt, string Status, string? DecidedBy, string? DecidedAt);

/// <summary>pending_actions: writes a governance standard sent for approval instead of performing them.</summary>
public static class PendingActions
{
    private const string Columns = "id, action_type, memory_id, namespace, payload, requested_by, requested_at, status, decided_by, decided_at";

    public static PendingAction Queue(IMemoryStore store, string actionType, string? memoryId, string ns, JsonObject payload, string requestedBy)
    {
        var action = new PendingAction(Guid.NewGuid().ToString(), actionType, memoryId, ns, payload, requestedBy,
            Timestamps.Now(), "pending", null, null);
        store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"INSERT INTO pending_actions ({Columns}) VALUES ($id, $type, $mid, $ns, $payload, $by, $at, 'pending', NULL, NULL)";
            cmd.Parameters.AddWithValue("$id", action.Id);
            cmd.Parameters.AddWithValue("$type", actionType);
            cmd.Parameters.AddWithValue("$mid", (object?)memoryId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ns", ns);
            cmd.Parameters.AddWithValue("$payload", payload.ToJsonString(Json.Wire));
            cmd.Parameters.AddWithValue("$by", requestedBy);
            cmd.Parameters.AddWithValue("$at", action.RequestedAt);
            return cmd.ExecuteNonQuery();
        });
        return action;
    }

    public static IReadOnlyList<PendingAction> List(IMemoryStore store, string? status, int limit) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM pending_actions" + (status is null ? "" : " WHERE status = $status") +
                          " ORDER BY requested_at DESC, id LIMIT $limit";
        if (status is not null) cmd.Parameters.AddWithValue("$status", status);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var rows = new List<PendingAction>();
        while (r.Read())
            rows.Add(new PendingAction(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                JsonNode.Parse(r.GetString(4)) as JsonObject ?? new JsonObject(), r.GetString(5), r.GetString(6), r.GetString(7),
                r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));
        return rows;
    });

    public static PendingAction? Find(IMemoryStore store, string id) =>
        List(store, null, int.MaxValue).FirstOrDefault(a => a.Id == id);

    /// <summary>Marks a still-pending action approved or rejected; false when it is absent or already decided.</summary>
    public static bool Decide(IMemoryStore store, string id, bool approve, string decidedBy) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE pending_actions SET status = $s, decided_by = $by, decided_at = $at WHERE id = $id AND status = 'pending'";
        cmd.Parameters.AddWithValue("$s", approve ? "approved" : "rejected");
        cmd.Parameters.AddWithValue("$by", decidedBy);
        cmd.Parameters.AddWithValue("$at", Timestamps.Now());
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() > 0;
    });

    public static JsonObject ToJson(PendingAction a) => new()
    {
        ["id"] = a.Id, ["action_type"] = a.ActionType, ["memory_id"] = a.MemoryId, ["namespace"] = a.Namespace,
        ["payload"] = a.Payload.DeepClone(), ["requested_by"] = a.RequestedBy, ["requested_at"] = a.RequestedAt,
        ["status"] = a.Status, ["decided_by"] = a.DecidedBy, ["decided_at"] = a.DecidedAt, ["approvals"] = new JsonArray(),
    };

    /// <summary>What GET /pending and memory_pending_list answer: {"count","pending":[…]}, newest first; status null = all.</summary>
    public static JsonObject ListJson(IMemoryStore store, string? status, int limit)
    {
        var rows = List(store, status, limit);
        return new JsonObject { ["count"] = rows.Count, ["pending"] = new JsonArray(rows.Select(r => (JsonNode)ToJson(r)).ToArray()) };
    }
}
