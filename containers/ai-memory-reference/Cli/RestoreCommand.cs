using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>
/// `ai-memory restore --from FILE|DIR [--skip-verify]` (contract §3.5): newest snapshot of a directory, sha256 checked
/// against its manifest, current DB moved aside to &lt;stem&gt;.pre-restore-&lt;ts&gt;.db (ts as the snapshot names': v0.6.0
/// src/main.rs:3846 and 4038-4040, v0.7.0 src/cli/backup.rs:15 and 242-244), snapshot copied in (main.rs:4048).
/// </summary>
public static class RestoreCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["--from"], ["--skip-verify"]);
        var from = a.Required("from");
        var snapshot = Directory.Exists(from)
            ? BackupCommand.Snapshots(from).FirstOrDefault()?.FullName ?? throw new CommandFailedException($"no snapshot found in {from}")
            : File.Exists(from) ? from : throw new CommandFailedException($"snapshot not found: {from}");

        if (!a.Flag("skip-verify")) Verify(snapshot);

        var db = global.DbPath;
        var faults = FaultSwitches.Current;
        // restore_copies_nothing replays a restore that reports success and leaves the database as it was.
        if (faults.IsOn(FaultSwitches.RestoreCopiesNothing)) return Report(snapshot, db, global);
        if (File.Exists(db))
        {
            var stamp = Timestamps.Clock().UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var aside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!,
                $"{Path.GetFileNameWithoutExtension(db)}.pre-restore-{stamp}.db");
            // restore_keeps_later replays a restore that sets a copy aside and leaves the database, later writes and all, in place.
            var keep = faults.IsOn(FaultSwitches.RestoreKeepsLater);
            // The old WAL belongs to the old file; left in place SQLite would replay it over the restored one.
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (!File.Exists(db + suffix)) continue;
                if (keep) File.Copy(db + suffix, aside + suffix);
                else File.Move(db + suffix, aside + suffix);
            }

            if (keep) return Report(snapshot, db, global);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        }

        File.Copy(snapshot, db);
        return Report(snapshot, db, global);
    }

    private static int Report(string snapshot, string db, GlobalOptions global)
    {
        Console.Out.WriteLine(global.Json
            ? new JsonObject { ["status"] = "restored", ["from"] = snapshot, ["to"] = db }.ToJsonString(Json.Wire)
            : $"restored {snapshot} -> {db}");
        return 0;
    }

    private static void Verify(string snapshot)
    {
        var manifestPath = BackupCommand.ManifestPathFor(snapshot);
        if (!File.Exists(manifestPath))
            throw new CommandFailedException($"manifest missing for {snapshot} (use --skip-verify to restore anyway)");
        string? expected;
        try { expected = JsonNode.Parse(File.ReadAllText(manifestPath))?["sha256"]?.GetValue<string>(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { expected = null; }
        var actual = BackupCommand.Sha256Of(snapshot);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            throw new CommandFailedException($"sha256 mismatch for {snapshot}: manifest {expected ?? "unreadable"}, actual {actual}");
    }
}
