using System.Globalization;

namespace AiMemory.Reference.Tests.Support;

/// <summary>Planted backup files for rotation tests: named and dated in the past, so the run's own snapshot is newest.</summary>
public static class Snapshots
{
    public static string Stem(TimeSpan age) =>
        "ai-memory-" + (DateTime.UtcNow.Date.AddHours(-24) - age).ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A snapshot + manifest pair dated `age` before yesterday, by name and by mtime.</summary>
    public static void PlantOld(string dir, TimeSpan age)
    {
        var stem = Path.Combine(dir, Stem(age));
        File.WriteAllText(stem + ".db", "old snapshot");
        File.WriteAllText(stem + ".manifest.json", "{}");
        File.SetLastWriteTimeUtc(stem + ".db", DateTime.UtcNow - TimeSpan.FromDays(1) - age);
    }
}
