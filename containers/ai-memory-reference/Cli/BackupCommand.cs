using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Cli;

/// <summary>
/// `ai-memory backup --to DIR --keep N` (contract §3.5): a VACUUM INTO snapshot named by the UTC second, a pretty
/// sha256 manifest beside it, then rotation to the newest N snapshots by mtime (their manifests go with them).
/// </summary>
public static class BackupCommand
{
    public const string Prefix = "ai-memory-";

    public sealed record Manifest(
        string Snapshot, string Sha256, long Bytes, string SourceDb, string Version, string CreatedAt);

    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["--to", "--keep"], []);
        var dir = a.String("to") ?? "backups";
        var keep = a.Int("keep") ?? 48;
        if (keep < 0) throw new UsageException($"invalid value '{keep}' for '--keep'");
        var faults = FaultSwitches.Current;
        Directory.CreateDirectory(dir);

        var now = Timestamps.Clock();
        var stem = Prefix + now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var snapshot = Path.Combine(dir, stem + ".db");
        if (File.Exists(snapshot)) throw new CommandFailedException($"refusing to overwrite existing snapshot {snapshot}");

        SnapshotInto(snapshot, global, faults);
        MaintenanceMarker.Leave(global.DbPath, faults);

        var manifest = new Manifest(Path.GetFileName(snapshot), Sha256Of(snapshot), new FileInfo(snapshot).Length,
            global.DbPath, CommandLine.Version, Timestamps.Format(now));
        var manifestPath = Path.Combine(dir, stem + ".manifest.json");
        // backup_no_manifest replays a regression where the snapshot was written but its manifest never was.
        if (!faults.IsOn(FaultSwitches.BackupNoManifest))
            File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, Json.PrettyTypes.Manifest) + "\n");

        // backup_keep_two replays an off-by-one in rotation: one snapshot more than --keep survives.
        var effectiveKeep = faults.IsOn(FaultSwitches.BackupKeepTwo) && keep > 0 ? keep + 1 : keep;
        if (keep > 0) Rotate(dir, effectiveKeep);

        if (global.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(manifest, Json.Types.Manifest));
            return 0;
        }
        Console.Out.WriteLine($"Snapshot: {snapshot}");
        Console.Out.WriteLine($"Manifest: {manifestPath}");
        Console.Out.WriteLine($"SHA-256 : {manifest.Sha256}");
        Console.Out.WriteLine($"Bytes   : {manifest.Bytes}");
        return 0;
    }

    private static void SnapshotInto(string snapshot, GlobalOptions global, FaultSwitches faults)
    {
        // backup_other_database replays a snapshot taken of the wrong database: a fresh, empty one.
        if (faults.IsOn(FaultSwitches.BackupOtherDatabase))
        {
            var other = Path.Combine(Path.GetTempPath(), $"ai-memory-other-{Guid.NewGuid():N}.db");
            try
            {
                using (var store = Storage.SqliteMemoryStore.Open(other)) store.SnapshotTo(snapshot);
            }
            finally
            {
                foreach (var f in new[] { other, other + "-wal", other + "-shm" }) File.Delete(f);
            }
            return;
        }

        using (var store = CliDefaults.OpenStore(global)) store.SnapshotTo(snapshot);
        // backup_empty_snapshot replays a snapshot left at 0 bytes; the manifest, written after, matches it.
        if (faults.IsOn(FaultSwitches.BackupEmptySnapshot)) File.WriteAllBytes(snapshot, []);
    }

    /// <summary>Snapshot files in DIR, newest first by mtime (name breaks ties, since names sort by time).</summary>
    public static List<FileInfo> Snapshots(string dir) =>
        new DirectoryInfo(dir).EnumerateFiles(Prefix + "*.db")
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).ToList();

    public static string ManifestPathFor(string snapshot) =>
        Path.Combine(Path.GetDirectoryName(snapshot) ?? ".", Path.GetFileNameWithoutExtension(snapshot) + ".manifest.json");

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void Rotate(string dir, int keep)
    {
        foreach (var old in Snapshots(dir).Skip(keep))
        {
            old.Delete();
            var manifest = ManifestPathFor(old.FullName);
            if (File.Exists(manifest)) File.Delete(manifest);
        }
    }
}
