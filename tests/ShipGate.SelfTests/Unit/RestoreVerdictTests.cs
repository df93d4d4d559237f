using FluentAssertions;
using Microsoft.Data.Sqlite;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class RestoreVerdictTests : IDisposable
{
    private const string Title = "ship-gate-phase1-node-a";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shipgate-restore-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static Phase1NodeEvidence Node(SnapshotContents? snapshot, long total = 1) => new(
        "node-a", "ai-memory 0.6.0", new StatsBody(total, null, null, 0, 0, 4096), 1, null, null, null, null, null, null, null,
        new Dictionary<string, string>(), 1)
    { Snapshot = snapshot, StoredTitle = Title };

    private string Database(params string[] titles)
    {
        var path = Path.Combine(_dir.FullName, $"ai-memory-{Guid.NewGuid():N}.db");
        using var db = new SqliteConnection($"Data Source={path};Pooling=false");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "CREATE TABLE memories (id TEXT PRIMARY KEY, title TEXT NOT NULL)";
        cmd.ExecuteNonQuery();
        foreach (var t in titles)
        {
            cmd.CommandText = "INSERT INTO memories VALUES ($id, $t)";
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            cmd.Parameters.AddWithValue("$t", t);
            cmd.ExecuteNonQuery();
        }

        return path;
    }

    [Fact]
    public void ASnapshotHoldingTheStoredMemoryAndTheStatsCountPasses()
    {
        var snapshot = SnapshotReader.Read("ai-memory-x.db", Database(Title));

        var (verdict, measured) = RestoreVerdicts.Restorable(Node(snapshot));

        snapshot.Integrity.Should().Be(RestoreVerdicts.IntegrityOk);
        verdict.Outcome.Should().Be(Outcome.Pass, verdict.Message);
        measured.Should().Be(1L);
    }

    [Fact]
    public void AnEmptySnapshotDoesNotOpenAsAnAiMemoryDatabase()
    {
        var path = Path.Combine(_dir.FullName, "ai-memory-empty.db");
        File.WriteAllBytes(path, []);

        var (verdict, _) = RestoreVerdicts.Restorable(Node(SnapshotReader.Read("ai-memory-empty.db", path)));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("(0 bytes)").And.Contain("no such table: memories");
    }

    [Fact]
    public void ASnapshotOfAnotherDatabaseLacksTheStoredMemory() =>
        RestoreVerdicts.Restorable(Node(SnapshotReader.Read("ai-memory-x.db", Database()))).Verdict.Message
            .Should().Contain($"lacks '{Title}'").And.Contain("0 memories");

    [Fact]
    public void ASnapshotAndStatsThatDisagreeFailNamingBothFiguresAndBlamingNeither()
    {
        var (verdict, measured) = RestoreVerdicts.Restorable(Node(SnapshotReader.Read("ai-memory-x.db", Database(Title)), total: 2));

        verdict.Outcome.Should().Be(Outcome.Fail);
        measured.Should().Be(1L);
        verdict.Message.Should().Contain("holds 1 memories; stats.total says 2").And.Contain("the two disagree")
            .And.Contain("nothing else measured says which figure is wrong (recall hits: 1)");
    }

    // The reference node's stats_total_zero: the snapshot holds the stored memory, stats.total says 0, and the node's
    // own recall finds the memory, so the message names stats.total as the low figure, not the snapshot.
    [Fact]
    public void StatsBelowWhatRecallFindsIsNamedAsTheLowFigure()
    {
        var (verdict, _) = RestoreVerdicts.Restorable(Node(SnapshotReader.Read("ai-memory-x.db", Database(Title)), total: 0));

        verdict.Outcome.Should().Be(Outcome.Fail);
        verdict.Message.Should().Contain("holds 1 memories; stats.total says 0")
            .And.Contain($"the node's recall found 1 hit(s) for '{Title}', which the snapshot holds too: stats.total is the figure below");
    }

    [Fact]
    public void WithoutARecallTheDisagreementBlamesNeither()
    {
        var node = Node(SnapshotReader.Read("ai-memory-x.db", Database(Title)), total: 0) with { RecallHits = null };

        RestoreVerdicts.Restorable(node).Verdict.Message.Should().Contain("nothing else measured says which figure is wrong (recall hits: none)");
    }

    [Fact]
    public void ACorruptIntegrityVerdictFails() =>
        RestoreVerdicts.Restorable(Node(new SnapshotContents("s.db", 4096, "row 1 missing from index", 1, [Title], null)))
            .Verdict.Outcome.Should().Be(Outcome.Fail);

    [Fact]
    public void NoSnapshotOrNoStatsIsNoEvidence()
    {
        RestoreVerdicts.Restorable(Node(null)).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        var snapshot = new SnapshotContents("s.db", 4096, "ok", 1, [Title], null);
        RestoreVerdicts.Restorable(Node(snapshot) with { Stats = null }).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }
}
