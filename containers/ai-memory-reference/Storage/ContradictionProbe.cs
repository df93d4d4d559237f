namespace AiMemory.Reference.Storage;

/// <summary>
/// The 201 body's optional "potential_contradictions": up to 5 ids of rows in the same namespace whose full-text
/// index matches any title word. Run before the upsert, so an upsert lists the row it is about to overwrite.
/// </summary>
public static class ContradictionProbe
{
    public const int Max = 5;

    public static IReadOnlyList<string> Find(IMemoryStore store, string title, string ns)
    {
        if (FtsQuery.AnyOf(title) is not { } match) return [];
        return store.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT m.id FROM memories_fts JOIN memories m ON m.rowid = memories_fts.rowid " +
                              $"WHERE memories_fts MATCH $match AND m.namespace = $ns ORDER BY memories_fts.rank LIMIT {Max}";
            cmd.Parameters.AddWithValue("$match", match);
            cmd.Parameters.AddWithValue("$ns", ns);
            using var r = cmd.ExecuteReader();
            var ids = new List<string>();
            while (r.Read()) ids.Add(r.GetString(0));
            return (IReadOnlyList<string>)ids;
        });
    }
}
