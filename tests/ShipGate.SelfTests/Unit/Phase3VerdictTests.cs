using FluentAssertions;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class Phase3VerdictTests
{
    private const int N = 1000;

    [Fact]
    public void AnHonestMigrationPassesEveryCriterion() =>
        All(Evidence()).Should().OnlyContain(f => f.Verdict.Outcome == Outcome.Pass);

    [Fact]
    public void AForwardMigrateThatRead999FailsWithBothCounts()
    {
        var finding = Phase3Verdicts.ForwardComplete(Evidence(forward: Run(read: 999, written: 999)));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("memories_read 999, expected 1000").And.Contain("memories_written 999, expected 1000");
    }

    [Fact]
    public void AReportOfNWrittenOverAnEmptyPostgresFailsTheForwardFactOnTheTarget()
    {
        var finding = Phase3Verdicts.ForwardComplete(Evidence(target: Target([])));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("Postgres holds 0 rows, expected exactly 1000")
            .And.Contain("1000 of 1000 seeded rows missing from Postgres: migrate-test-1, migrate-test-2, migrate-test-3")
            .And.NotContain("memories_written");
        finding.Measured.Should().Be("report read 1000/written 1000; Postgres holds 0 rows, 0 distinct, 1000 missing, 0 differing, 0 extra");
    }

    [Fact]
    public void ForwardNamesTheRowsPostgresLacksChangedOrNeverSeeded()
    {
        var held = HeldAsSeeded().Skip(2).Select(r => r.Title == "migrate-test-10" ? r with { Content = "content 1" } : r)
            .Append(new PostgresRow("stray", "other", "x")).Append(new PostgresRow("migrate-test-5", Phase3Evidence.Namespace, "content 5")).ToList();
        var t = Target(held);

        t.Missing.Should().Equal("migrate-test-1", "migrate-test-2");
        t.Differing.Should().Equal("migrate-test-10");
        t.Extra.Should().Equal("stray (other)");
        (t.Rows, t.DistinctKeys, t.Exact).Should().Be((1000L, 999L, false));
        Phase3Verdicts.ForwardComplete(Evidence(target: t)).Verdict.Message.Should()
            .Contain("1 duplicate (title, namespace) rows in Postgres")
            .And.Contain("2 of 1000 seeded rows missing from Postgres: migrate-test-1, migrate-test-2")
            .And.Contain("1 of 1000 rows differ from their seeded content in Postgres: migrate-test-10")
            .And.Contain("1 rows in Postgres were never seeded: stray (other)");
    }

    [Fact]
    public void AnUnreadOrNeverReadPostgresFailsTheForwardFact()
    {
        Phase3Verdicts.ForwardComplete(Evidence(errors: new() { [Phase3Steps.ForwardTarget] = "connection refused" }))
            .Verdict.Message.Should().Contain("Postgres could not be read after the forward migrate: connection refused");
        Phase3Verdicts.ForwardComplete(Evidence() with { ForwardTarget = null })
            .Verdict.Message.Should().Contain("Postgres was never read after the forward migrate");
    }

    [Fact]
    public void ZeroSeededRowsIsNeverAnExactTargetNorAPass()
    {
        var empty = PostgresTarget.Of([], Phase3Evidence.Namespace, []);

        empty.Exact.Should().BeFalse();
        Phase3Verdicts.ForwardComplete(Evidence(target: empty)).Verdict.Passed.Should().BeFalse();
        var noRows = Evidence(target: empty) with { Rows = 0, SeedAttempted = 0, SeedStatuses = new Dictionary<int, int>() };
        Phase3Verdicts.ForwardComplete(noRows).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Fact]
    public void AReverseMigrateWithErrorsFailsEvenWhenItExitedZero()
    {
        var finding = Phase3Verdicts.ReverseWithoutErrors(Evidence(reverse: Run(errors: ["write m-1: boom", "write m-2: boom"])));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("2 error(s): write m-1: boom, write m-2: boom");
    }

    [Fact]
    public void ANonZeroExitWithoutAReportFails() =>
        Phase3Verdicts.ReverseWithoutErrors(Evidence(reverse: new MigrateRun("ai-memory migrate …", 2, null, "not the expected JSON",
            "error: unknown subcommand", 0.1)))
            .Verdict.Message.Should().Contain("exited 2 without a JSON report").And.Contain("unknown subcommand");

    [Fact]
    public void ARerunThatLeaves2000RowsFailsOnDuplicatesButMayWriteNAgain()
    {
        var finding = Phase3Verdicts.RerunIdempotent(Evidence(postgres: new PostgresCount(2000, 1000)));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("Postgres holds 2000 rows, expected exactly 1000").And.Contain("1000 duplicate (title, namespace) rows");
        Phase3Verdicts.RerunIdempotent(Evidence(rerun: Run(written: N))).Verdict.Passed.Should().BeTrue();
    }

    [Fact]
    public void AnUncountedPostgresFailsTheRerunCriterion() =>
        Phase3Verdicts.RerunIdempotent(Evidence(errors: new() { [Phase3Steps.PostgresCount] = "connection refused" }))
            .Verdict.Message.Should().Contain("Postgres could not be counted: connection refused");

    [Fact]
    public void TotalsMustBothBeN()
    {
        Phase3Verdicts.TotalsMatch(Evidence(roundTripTotal: 981)).Verdict.Message.Should().Contain("round trip total 981, expected 1000");
        Phase3Verdicts.TotalsMatch(Evidence(sourceTotal: 999, roundTripTotal: 999)).Verdict.Outcome.Should().Be(Outcome.Fail);
    }

    [Fact]
    public void AContentMismatchNamesTheFirstDifferingRowsAndShowsWhereTheyDiffer()
    {
        var roundTrip = Rows(N).Select((r, i) => i % 10 == 9 ? r with { Content = r.Content[..^1] } : r).ToList();
        var finding = Phase3Verdicts.RowsIdentical(Evidence(comparison: RoundTripComparison.Of(Rows(N), roundTrip)));

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().StartWith("100 of 1000 rows differ (migrate-test-10, migrate-test-20, migrate-test-30")
            .And.Contain("first: migrate-test-10 content: source")
            .And.Contain("…\"e one\\nline two\\twith a tab\" (35 chars) ≠ round trip …\"e one\\nline two\\twith a ta\" (34 chars)");
        finding.Measured.Should().Be("0 missing, 0 extra, 100 differing of 1000");
    }

    [Fact]
    public void MissingExtraAndDuplicatedRowsAreNamed()
    {
        var roundTrip = Rows(N).Skip(1).Append(Row(5000)).Append(Row(7)).ToList();
        var c = RoundTripComparison.Of(Rows(N), roundTrip);

        c.Missing.Should().Equal("migrate-test-1");
        c.Extra.Should().Equal("migrate-test-5000");
        c.Duplicated.Should().Equal("migrate-test-7");
        Phase3Verdicts.RowsIdentical(Evidence(comparison: c)).Verdict.Message.Should()
            .Contain("1 missing from the round trip: migrate-test-1").And.Contain("1 never in the source: migrate-test-5000")
            .And.Contain("1 held twice: migrate-test-7");
    }

    [Fact]
    public void JsonFieldsCompareAsValuesNotText()
    {
        var reordered = Rows(3).Select(r => r with { Metadata = "{ \"b\": [1, \"x\"], \"a\": {\"z\": 0.5} }", Tags = "[\"t1\", \"t2\"]" }).ToList();
        var source = Rows(3).Select(r => r with { Metadata = "{\"a\":{\"z\":0.5},\"b\":[1,\"x\"]}", Tags = "[\"t1\",\"t2\"]" }).ToList();

        RoundTripComparison.Of(source, reordered).Identical.Should().BeTrue();
        RoundTripComparison.Of(source, reordered.Select(r => r with { Tags = "[\"t2\",\"t1\"]" }).ToList()).Differing.Should().HaveCount(3);
    }

    [Fact]
    public void ZeroComparedRowsIsNoEvidenceNotAPass() =>
        Phase3Verdicts.RowsIdentical(Evidence(comparison: RoundTripComparison.Of([], [])))
            .Verdict.Outcome.Should().Be(Outcome.NoEvidence);

    [Fact]
    public void AShortSeedFailsItsFactAndLeavesTheMigrationWithoutEvidence()
    {
        var e = Evidence() with { SeedStatuses = new Dictionary<int, int> { [201] = 998, [500] = 2 },
            SeedFailures = ["migrate-test-17=500 {\"error\":\"db\"}"] };

        Phase3Verdicts.SeedStored(e).Verdict.Message.Should()
            .Contain("only 998/1000 seed writes got 201 (histogram 201×998 500×2)").And.Contain("migrate-test-17=500");
        All(e).Skip(2).Should().OnlyContain(f => f.Verdict.Outcome == Outcome.NoEvidence);
    }

    [Fact]
    public void NoSeedWriteAtAllIsNoEvidence()
    {
        var e = Evidence() with { SeedAttempted = 0, SeedStatuses = new Dictionary<int, int>() };

        All(e).Skip(1).Should().OnlyContain(f => f.Verdict.Outcome == Outcome.NoEvidence);
    }

    [Fact]
    public void ASetupFailureFailsPreflightAndLeavesEveryOtherCriterionWithoutEvidence()
    {
        var e = Phase3Evidence.Failed($"{SettingNames.PostgresImage}=postgres:16: image not present", "img", null, N, 1);

        Phase3Verdicts.Preflight(e).Verdict.Outcome.Should().Be(Outcome.Fail);
        All(e).Skip(1).Should().OnlyContain(f => f.Verdict.Outcome == Outcome.NoEvidence);
    }

    /// <summary>The phase's findings as the gate judges them, but for the shape and liveness rows (judged by their own tests).</summary>
    private static IEnumerable<Finding> All(Phase3Evidence e) =>
        CriteriaVerdicts.Findings(3, e).Where(f => !ShapeAndLiveness.Contains(f.Criterion));

    private static readonly HashSet<string> ShapeAndLiveness = [Phase3Criteria.CliShape.What, Phase3Criteria.HttpShape.What, Phase3Criteria.Liveness.What];

    private static Phase3Evidence Evidence(
        MigrateRun? forward = null, MigrateRun? reverse = null, MigrateRun? rerun = null, PostgresCount? postgres = null,
        long? sourceTotal = N, long? roundTripTotal = N, RoundTripComparison? comparison = null, Dictionary<string, string>? errors = null,
        PostgresTarget? target = null) =>
        new(null, "img", "pg", N, N, new Dictionary<int, int> { [201] = N }, [], 1.5,
            forward ?? Run(), reverse ?? Run(), rerun ?? Run(), postgres ?? new PostgresCount(N, N), target ?? Target(HeldAsSeeded()), sourceTotal,
                roundTripTotal,
            comparison ?? RoundTripComparison.Of(Rows(N), Rows(N)), errors ?? [], 12);

    private static MigrateRun Run(long read = N, long written = N, IReadOnlyList<string>? errors = null, long exit = 0) =>
        new("ai-memory migrate …", exit, new MigrateReport(1, false, errors ?? [], "from", read, written, "to"), null, "", 1.0);

    private static List<SeededRow> Seeded() => [.. Enumerable.Range(1, N).Select(i => new SeededRow(Phase3Evidence.Title(i), $"content {i}"))];

    private static List<PostgresRow> HeldAsSeeded() => [.. Seeded().Select(s => new PostgresRow(s.Title, Phase3Evidence.Namespace, s.Content))];

    private static PostgresTarget Target(IReadOnlyList<PostgresRow> held) => PostgresTarget.Of(held, Phase3Evidence.Namespace, Seeded());

    private static List<StoredRow> Rows(int n) => [.. Enumerable.Range(1, n).Select(Row)];

    private static StoredRow Row(int i) => new(
        Phase3Evidence.Title(i), Phase3Evidence.Namespace, "mid", $"row {i} line one\nline two\twith a tab", "[\"phase3\"]", 5, 0.07, "api", "{\"seq\":" + i
            + "}");
}
