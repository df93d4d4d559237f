using FluentAssertions;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

/// <summary>restore --from the backup, judged on one node's evidence: what the release does passes, each way a restore can lie fails.</summary>
[Trait("Category", "Unit")]
public sealed class RestoreFromBackupVerdictTests
{
    private const string Title = "ship-gate-phase1-node-a";
    private const string Later = "ship-gate-phase1-later-node-a";
    private const string Aside = "ai-memory.pre-restore-2026-12-08T024501Z.db";
    private static readonly RestoreReport Restored = new("restored", "/tmp/ship-gate-backup/ai-memory-2026-12-08T024500Z.db", "/data/ai-memory.db");

    private static Phase1NodeEvidence Node(RestoreEvidence? restore, long snapshotMemories = 1) => new(
        "node-a", "ai-memory 0.6.0", new StatsBody(1, null, null, 0, 0, 4096), 1, null, null, null, null, null, null, null,
        new Dictionary<string, string>(), 1)
    {
        StoredTitle = Title,
        Snapshot = new SnapshotContents("ai-memory-2026-12-08T024500Z.db", 4096, "ok", snapshotMemories, [Title], null),
        Restore = restore,
    };

    private static RestoreEvidence Evidence(
        RestoreReport? report = null, string[]? directory = null, string[]? served = null, long total = 1) =>
        new(Later, "/data/ai-memory.db", report ?? Restored, directory ?? [".shipgate", "ai-memory.db", Aside], served ?? [Title], total, null);

    [Fact]
    public void TheReleasesRestorePassesMeasuringStatsTotal()
    {
        var (verdict, measured) = RestoreVerdicts.RestoredFromBackup(Node(Evidence()));

        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be(1L);
        verdict.Message.Should().Contain($"set aside as {Aside}");
    }

    // restore_copies_nothing: success reported, the database as it was.
    [Fact]
    public void ARestoreThatCopiesNothingFailsOnTheMissingPreRestoreFile() =>
        RestoreVerdicts.RestoredFromBackup(Node(Evidence(directory: [".shipgate", "ai-memory.db"], served: [Later, Title], total: 3)))
            .Verdict.Message.Should().Contain("0 database(s) set aside").And.Contain("/data holds [.shipgate, ai-memory.db]")
            .And.Contain($"'{Later}', stored after the backup, is still there").And.Contain("stats.total = 3, the snapshot holds 1");

    // restore_keeps_later: a copy set aside, the database left with the later memory.
    [Fact]
    public void ARestoreThatKeepsTheLaterMemoryFailsNamingIt()
    {
        var (verdict, _) = RestoreVerdicts.RestoredFromBackup(Node(Evidence(served: [Later, Title], total: 3)));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain($"'{Later}', stored after the backup, is still there");
    }

    [Fact]
    public void AStampOtherThanTheSnapshotsIsNotThePreRestoreName() =>
        RestoreVerdicts.RestoredFromBackup(Node(Evidence(directory: ["ai-memory.db", "ai-memory.pre-restore-20261208T024501Z.db"])))
            .Verdict.Message.Should().Contain("0 database(s) set aside as ai-memory.pre-restore-<yyyy-MM-ddTHHmmssZ>.db");

    [Fact]
    public void LosingThePhase1MemoryOrCountingOtherThanTheSnapshotFails()
    {
        RestoreVerdicts.RestoredFromBackup(Node(Evidence(served: []))).Verdict.Message.Should().Contain($"the Phase 1 memory '{Title}' is gone");
        RestoreVerdicts.RestoredFromBackup(Node(Evidence(total: 2))).Verdict.Message
            .Should().Contain("stats.total = 2, the snapshot holds 1");
    }

    [Fact]
    public void AnotherStatusOrAFailedStageFails()
    {
        RestoreVerdicts.RestoredFromBackup(Node(Evidence(report: Restored with { Status = "ok" }))).Verdict.Message
            .Should().Contain("status 'ok', expected 'restored'");
        var failed = RestoreEvidence.Failed(Later, "/data/ai-memory.db", "restore failed: ai-memory restore exited 1: sha256 mismatch");
        RestoreVerdicts.RestoredFromBackup(Node(failed)).Verdict.Outcome.Should().Be(Outcome.Fail);
    }

    // backup_empty_snapshot, backup_other_database, backup_no_manifest: the backup's own facts are red; the restore proves nothing.
    [Fact]
    public void ARestoreFromABackupThatIsNotOneIsNoEvidence()
    {
        var empty = Node(Evidence(served: [])) with { Snapshot = new SnapshotContents("s.db", 0, null, null, [], "no such table: memories") };
        RestoreVerdicts.RestoredFromBackup(empty).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        var refused = Node(RestoreEvidence.Failed(Later, "/data/ai-memory.db", "restore failed: exited 1: manifest missing")) with { ManifestFiles = [] };
        RestoreVerdicts.RestoredFromBackup(refused).Verdict.Message.Should().Contain("the backup left no manifest");
    }

    [Fact]
    public void NoRestoreIsNoEvidence() =>
        RestoreVerdicts.RestoredFromBackup(Node(null)).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
}
