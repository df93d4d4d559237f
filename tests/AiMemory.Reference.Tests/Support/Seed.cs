using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace AiMemory.Reference.Tests.Support;

/// <summary>Test data through the node's own front door (`ai-memory import`), and raw reads of a SQLite file.</summary>
public static class Seed
{
    /// <summary>Imports `count` rows titled migrate-test-&lt;i&gt; into the database at dbPath in one process.</summary>
    public static async Task ImportAsync(ScratchDir dir, string dbPath, int count, string ns = "phase3",
        IReadOnlyDictionary<string, string>? env = null)
    {
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
            items.Add(new JsonObject
            {
                ["title"] = $"migrate-test-{i}", ["content"] = $"migration payload {i} for the round trip",
                ["namespace"] = ns, ["tags"] = new JsonArray("phase3", $"t{i % 7}"), ["priority"] = i % 10 + 1,
                ["tier"] = i % 3 == 0 ? "long" : "mid",
            });
        var result = await CliRunner.RunAsync(dir, ["--db", dbPath, "import"], env, new JsonObject { ["memories"] = items }.ToJsonString());
        if (result.ExitCode != 0 || result.Json["imported"]!.GetValue<int>() != count)
            throw new InvalidOperationException($"seeding {count} rows failed: {result}");
    }

    /// <summary>Every memories row as the text of all its columns, keyed by id.</summary>
    public static Dictionary<string, string> Rows(string dbPath)
    {
        using var db = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=false");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, tier, namespace, title, content, tags, priority, confidence, source, access_count, " +
                          "created_at, updated_at, last_accessed_at, expires_at, metadata FROM memories";
        using var r = cmd.ExecuteReader();
        var rows = new Dictionary<string, string>();
        while (r.Read())
            rows[r.GetString(0)] = string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : r.GetValue(i).ToString()));
        return rows;
    }
}
