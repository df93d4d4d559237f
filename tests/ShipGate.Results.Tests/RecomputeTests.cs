using System.Text.Json.Nodes;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 29, stage 2: every verdict recomputed from its phase record by the catalog's own code, the record read
/// strictly into the gate's type. The lines and outcomes the TRX holds are reports: here they all say pass.
/// </summary>
public sealed class RecomputeTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private IEnumerable<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>());

    /// <summary>A campaign whose phase 3 facts all passed and wrote pass lines, over <paramref name="record"/>.</summary>
    private int ConvertWithPhase3(JsonObject record) =>
        s.Convert([new TrxWriter().Phase1().Phase2().Complete(3, record, _ => ("pass", 1, 1, "ok")).Phase4().Save(s.Dir)]);

    [Fact]
    public void A_record_that_contradicts_its_passing_facts_is_red_naming_both()
    {
        var record = RecordedRecords.AtReleaseStrength(3).Stamped();
        record["forward"]!["exit_code"] = 1;

        ConvertWithPhase3(record).Should().Be(ExitCodes.CampaignFailed);
        const string Disagrees = ": outcome Passed in the TRX, but its record's recomputed verdict is fail";
        const string Forward = $"p3.forward.read-written-n{Disagrees}: forward migrate (SQLite → Postgres): exit 1";
        Reasons.Should().Contain(r => r.Contains(Forward, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown", "could not be mapped")]
    [InlineData("missing", "missing required properties")]
    [InlineData("null", "rows")]
    public void A_record_that_is_not_its_type_is_red_naming_what_does_not_fit(string change, string named)
    {
        var record = RecordedRecords.AtReleaseStrength(3).Stamped();
        switch (change)
        {
            case "unknown": record["identical_after_all"] = true; break;
            case "missing": record.Remove("rows"); break;
            default: record["rows"] = null; break;
        }

        ConvertWithPhase3(record).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains("its record does not read as Phase3Evidence", StringComparison.Ordinal)
            && r.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_published_figures_are_the_recomputed_ones_not_the_line_or_the_claimed_totals()
    {
        var record = GateSample.Phase4Evidence();
        record["classes"]![0]!["cycles_completed"] = 500;
        record["classes"]![0]!["convergence_bound"] = 0.2;

        s.Convert([new TrxWriter().Phase1().Phase2().Phase3().Complete(4, record).Save(s.Dir)]).Should().Be(ExitCodes.Pass, s.Log.ToString());
        s.Json("phase4.json")["convergence_by_fault"]![GateSample.Kill]!.GetValue<double>().Should().Be(1, "computed from the cycles");
    }
}
