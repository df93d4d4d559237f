using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Tables;

public sealed record NamespaceStandard(string Namespace, string? StandardId, string? ParentNamespace, string UpdatedAt);

/// <summary>namespace_meta: which memory is a namespace's standard (policy), and an optional explicit parent.</summary>
public static class NamespaceStandards
{
    public static NamespaceStandard Set(IMemoryStore store, string ns, string standardId, string? parent)
    {
        var row = new NamespaceStandard(ns, standardId, parent, Timestamps.Now());
        store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO namespace_meta (namespace, standard_id, parent_namespace, updated_at) VALUES ($ns, $id, $p, $u) " +
                              "ON CONFLICT(namespace) DO UPDATE SET standard_id = excluded.standard_id, " +
                              "parent_namespace = excluded.parent_namespace, updated_at = excluded.updated_at";
            cmd.Parameters.AddWithValue("$ns", ns);
            cmd.Parameters.AddWithValue("$id", standardId);
            cmd.Parameters.AddWithValue("$p", (object?)parent ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$u", row.UpdatedAt);
            return cmd.ExecuteNonQuery();
        });
        return row;
    }

    public static NamespaceStandard? Get(IMemoryStore store, string ns) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT namespace, standard_id, parent_namespace, updated_at FROM namespace_meta WHERE namespace = $ns";
        cmd.Parameters.AddWithValue("$ns", ns);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new NamespaceStandard(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3))
            : null;
    });

    /// <summary>The standards that govern ns, most general first: explicit parents and '/'-ancestors, then ns itself.</summary>
    public static IReadOnlyList<NamespaceStandard> Chain(IMemoryStore store, string ns)
    {
        var chain = new List<NamespaceStandard>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = ns; current is not null && seen.Add(current) && seen.Count <= 16;)
        {
            var row = Get(store, current);
            if (row?.StandardId is not null) chain.Add(row);
            current = row?.ParentNamespace ?? (current.Contains('/') ? current[..current.LastIndexOf('/')] : null);
        }
        chain.Reverse();
        return chain;
    }

    public static bool Clear(IMemoryStore store, string ns) => store.WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "DELETE FROM namespace_meta WHERE namespace = $ns";
        cmd.Parameters.AddWithValue("$ns", ns);
        return cmd.ExecuteNonQuery() > 0;
    });
}
