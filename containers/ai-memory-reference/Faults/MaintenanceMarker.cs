namespace AiMemory.Reference.Faults;

/// <summary>
/// serve_unhealthy_after_maintenance's trace: a backup or migrate that touched a database leaves a marker beside it,
/// and a daemon serving that database reports itself unhealthy from then on, as one whose connection broke under
/// the maintenance would (v0.6.x's health runs an FTS check on its own connection). A switch, not a file format.
/// </summary>
public static class MaintenanceMarker
{
    private const string Name = ".ai-memory-maintenance-ran";

    public static string PathFor(string dbPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath)) ?? ".", Name);

    /// <summary>Called by backup and migrate on each SQLite database they read or wrote.</summary>
    public static void Leave(string dbPath, FaultSwitches faults)
    {
        if (faults.IsOn(FaultSwitches.ServeUnhealthyAfterMaintenance)) File.WriteAllText(PathFor(dbPath), DateTimeOffset.UtcNow.ToString("O"));
    }

    /// <summary>The marker serve watches (a stale one from an earlier run is removed), or null when the switch is off.</summary>
    public static string? WatchedBy(string dbPath, FaultSwitches faults)
    {
        if (!faults.IsOn(FaultSwitches.ServeUnhealthyAfterMaintenance)) return null;
        var path = PathFor(dbPath);
        File.Delete(path);
        return path;
    }
}
