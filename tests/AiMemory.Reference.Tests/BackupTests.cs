using System.Globalization;
using System.Security.Cryptography;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>`backup` and `restore` (contract §3.5): names, manifest, rotation, collision, verification.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task Backup_writes_one_snapshot_and_a_pretty_manifest_that_matches_it()
    {
        using var dir = new ScratchDir("bk");
        await CliRunner.RunAsync(dir, "store", "-T", "backed up", "-c", "row to back up");
        var r = await CliRunner.RunAsync(dir, "backup", "--to", "snaps", "--keep", "1");
        r.ExitCode.Should().Be(0, r.ToString());
        r.Stdout.Should().Contain("Snapshot:").And.Contain("Manifest:").And.Contain("SHA-256 :").And.Contain("Bytes   :");

        var snapshot = Directory.GetFiles(dir.File("snaps"), "ai-memory-*.db").Should().ContainSingle().Subject;
        Path.GetFileName(snapshot).Should().MatchRegex(@"^ai-memory-\d{4}-\d{2}-\d{2}T\d{6}Z\.db$");
        var manifestPath = Directory.GetFiles(dir.File("snaps"), "ai-memory-*.manifest.json").Should().ContainSingle().Subject;
        Path.GetFileName(manifestPath).Should().Be(Path.GetFileNameWithoutExtension(snapshot) + ".manifest.json");

        var text = File.ReadAllText(manifestPath);
        text.Should().Contain("\n  \"snapshot\"", "the manifest is pretty JSON");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        manifest.AsObject().Select(p => p.Key).Should().Equal("snapshot", "sha256", "bytes", "source_db", "version", "created_at");
        manifest["snapshot"]!.GetValue<string>().Should().Be(Path.GetFileName(snapshot));
        manifest["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(snapshot))));
        manifest["bytes"]!.GetValue<long>().Should().Be(new FileInfo(snapshot).Length);
        manifest["source_db"]!.GetValue<string>().Should().Be("ai-memory.db");
        manifest["version"]!.GetValue<string>().Should().Be("0.6.0");
        Seed.Rows(snapshot).Should().HaveCount(1, "the snapshot is a complete database");
    }

    [Fact]
    public async Task Rotation_keeps_the_newest_N_by_mtime_and_removes_their_manifests()
    {
        using var dir = new ScratchDir("rot");
        var snaps = Directory.CreateDirectory(dir.File("snaps")).FullName;
        for (var i = 1; i <= 3; i++) Snapshots.PlantOld(snaps, TimeSpan.FromHours(i));

        var r = await CliRunner.RunAsync(dir, "backup", "--to", "snaps", "--keep", "2", "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        r.Stdout.Trim().Should().NotContain("\n", "backup --json prints the manifest on one line");
        var kept = Directory.GetFiles(snaps, "ai-memory-*.db").Select(Path.GetFileName).ToList();
        kept.Should().HaveCount(2).And.Contain(r.Json["snapshot"]!.GetValue<string>()).And.Contain(Snapshots.Stem(TimeSpan.FromHours(1)) + ".db");
        Directory.GetFiles(snaps, "*.manifest.json").Should().HaveCount(2, "manifests of pruned snapshots go with them");
    }

    [Fact]
    public async Task A_second_backup_in_the_same_second_fails_with_exit_1()
    {
        using var dir = new ScratchDir("coll");
        var snaps = Directory.CreateDirectory(dir.File("snaps")).FullName;
        // Occupy the names of the next few seconds so the run must collide whenever it lands.
        var now = DateTime.UtcNow;
        for (var s = 0; s < 6; s++)
            File.WriteAllText(Path.Combine(snaps, "ai-memory-" + now.AddSeconds(s).ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".db"),
                "x");
        var r = await CliRunner.RunAsync(dir, "backup", "--to", "snaps", "--keep", "0");
        r.ExitCode.Should().Be(1, r.ToString());
        r.Stderr.Should().Contain("refusing to overwrite existing snapshot");
    }

    [Fact]
    public async Task Restore_verifies_the_manifest_and_moves_the_current_db_aside()
    {
        using var dir = new ScratchDir("rest");
        await CliRunner.RunAsync(dir, "store", "-T", "before backup", "-c", "kept");
        (await CliRunner.RunAsync(dir, "backup", "--to", "snaps")).ExitCode.Should().Be(0);
        await CliRunner.RunAsync(dir, "store", "-T", "after backup", "-c", "lost by restore");

        var r = await CliRunner.RunAsync(dir, "restore", "--from", "snaps", "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        r.Json["status"]!.GetValue<string>().Should().Be("restored");
        (await CliRunner.RunAsync(dir, "stats", "--json")).Json["total"]!.GetValue<long>().Should().Be(1);
        // The release stamps it as its snapshots (v0.6.0 src/main.rs:4038-4039): ai-memory.pre-restore-2026-04-20T175730Z.db.
        Path.GetFileName(Directory.GetFiles(dir.Path, "ai-memory.pre-restore-*.db").Should().ContainSingle().Which)
            .Should().MatchRegex(@"^ai-memory\.pre-restore-\d{4}-\d{2}-\d{2}T\d{6}Z\.db$");

        var snapshot = Directory.GetFiles(dir.File("snaps"), "ai-memory-*.db").Single();
        File.AppendAllText(snapshot, "tampered");
        var refused = await CliRunner.RunAsync(dir, "restore", "--from", snapshot);
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.Stderr.Should().Contain("sha256 mismatch");
        File.Delete(Path.ChangeExtension(snapshot, null) + ".manifest.json");
        (await CliRunner.RunAsync(dir, "restore", "--from", snapshot)).ExitCode.Should().Be(1, "a missing manifest fails verification");
    }

    [Fact]
    public async Task Restore_skip_verify_accepts_a_snapshot_without_manifest()
    {
        using var dir = new ScratchDir("skip");
        await CliRunner.RunAsync(dir, "store", "-T", "row", "-c", "content");
        await CliRunner.RunAsync(dir, "backup", "--to", "snaps");
        foreach (var m in Directory.GetFiles(dir.File("snaps"), "*.manifest.json")) File.Delete(m);
        var r = await CliRunner.RunAsync(dir, "restore", "--from", "snaps", "--skip-verify");
        r.ExitCode.Should().Be(0, r.ToString());
    }
}
