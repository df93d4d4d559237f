using System.Xml.Linq;
using ShipGate.Results.Judge;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 29, stage 1: what a run says about itself is checked before any fact is believed, and every input the
/// converter cannot judge is bad input with a name (exit 2, no summary), never a crash or a stale pass. Each case
/// here was a green or a crash on main 63b13b1.
/// </summary>
public sealed class RunSignalTests : IDisposable
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string Phase3Name = "Phase 3 · every row identical after the round trip";
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private static XDocument Green() => new TrxWriter().AllPhases().Build();

    private int Convert(XDocument doc) => s.Convert([Save(doc)]);

    private string Save(XDocument doc)
    {
        var path = Path.Combine(s.Dir, $"{Guid.NewGuid():N}.trx");
        doc.Save(path);
        return path;
    }

    private IEnumerable<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>());

    private static XElement Result(XDocument doc, string name) =>
        doc.Descendants(Ns + "UnitTestResult").Single(r => (string?)r.Attribute("testName") == name);

    private static void EditPhaseRecord(XDocument doc, Func<string, string> edit)
    {
        foreach (var stdout in doc.Descendants(Ns + "StdOut").Where(o => o.Value.Contains("##shipgate-phase-evidence {", StringComparison.Ordinal)))
            stdout.Value = stdout.Value.Replace("##shipgate-phase-evidence {", edit("##shipgate-phase-evidence {"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_green_sample_passes() => Convert(Green()).Should().Be(ExitCodes.Pass, s.Log.ToString());

    [Fact]
    public void Counters_that_disagree_with_the_results_are_red()
    {
        var doc = Green();
        doc.Descendants(Ns + "Counters").Single().SetAttributeValue("failed", "5");

        Convert(doc).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains("its counters say failed 5, its results hold 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crashed_test_host_under_outcome_Completed_is_red()
    {
        var doc = Green();
        doc.Descendants(Ns + "ResultSummary").Single().Add(new XElement(Ns + "RunInfos", new XElement(Ns + "RunInfo",
            new XAttribute("computerName", "vm"), new XAttribute("outcome", "Error"), new XElement(Ns + "Text", "Test host process crashed"))));

        Convert(doc).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains("run-level error (Error: Test host process crashed)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Failed", false)]
    [InlineData("Passed", true)]
    public void Xunits_FAIL_line_is_a_run_level_error_only_when_its_fact_did_not_fail(string outcome, bool runLevel)
    {
        var doc = Green();
        Result(doc, Phase3Name).SetAttributeValue("outcome", outcome);
        doc.Descendants(Ns + "ResultSummary").Single().Add(new XElement(Ns + "RunInfos", new XElement(Ns + "RunInfo",
            new XAttribute("computerName", "vm"), new XAttribute("outcome", "Error"),
            new XElement(Ns + "Text", $"[xUnit.net 00:00:11.94]     {Phase3Name} [FAIL]"))));

        Convert(TrxCounters.Recount(doc)).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Any(r => r.Contains("run-level error", StringComparison.Ordinal)).Should().Be(runLevel, string.Join("\n", Reasons));
    }

    [Theory]
    [InlineData("Warning")]
    [InlineData("Error")]
    [InlineData("Timeout")]
    [InlineData("Aborted")]
    public void Any_outcome_but_Passed_is_red_and_named_by_its_outcome_not_its_pass_message(string outcome)
    {
        var doc = Green();
        Result(doc, Phase3Name).SetAttributeValue("outcome", outcome);

        Convert(TrxCounters.Recount(doc)).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains($"p3.roundtrip.identical: outcome {outcome}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fact_reported_twice_with_opposite_outcomes_is_named_a_duplicate()
    {
        var doc = Green();
        var copy = new XElement(Result(doc, Phase3Name));
        copy.SetAttributeValue("outcome", "Failed");
        Result(doc, Phase3Name).AddAfterSelf(copy);

        Convert(TrxCounters.Recount(doc)).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains($"duplicate fact: '{Phase3Name}' is reported 2 times", StringComparison.Ordinal)
            && r.Contains("Passed, Failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-23T09:40:54Z", "2026-11-23T09:30:00Z", "before it started")]
    [InlineData("2020-01-01T00:00:00Z", "2020-01-01T00:10:00Z", "before any ShipGate run")]
    public void Impossible_run_times_are_red(string start, string finish, string named)
    {
        var doc = Green();
        var times = doc.Descendants(Ns + "Times").Single();
        times.SetAttributeValue("start", start);
        times.SetAttributeValue("finish", finish);

        Convert(doc).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_duration_is_red()
    {
        var doc = Green();
        Result(doc, Phase3Name).SetAttributeValue("duration", "-00:00:01");

        Convert(doc).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.StartsWith($"{Phase3Name}: impossible duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_count_or_a_ratio_above_1_in_a_record_is_red()
    {
        var doc = Green();
        EditPhaseRecord(doc, p => p + "\"convergence_bound\":1.5,\"ok\":-3,");

        Convert(doc).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains(".convergence_bound is 1.5: impossible for a ratio", StringComparison.Ordinal))
            .And.Contain(r => r.Contains(".ok is -3: impossible below 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"measured_seconds\":1e400,", "not a finite double")]
    [InlineData("\"image\":\"a\",", "Duplicate")]
    public void A_record_that_cannot_be_read_as_written_is_bad_input_with_no_summary(string injected, string named)
    {
        var earlier = Convert(Green());
        earlier.Should().Be(ExitCodes.Pass);
        var doc = Green();
        EditPhaseRecord(doc, p => p + injected);

        Convert(doc).Should().Be(named == "Duplicate" ? ExitCodes.CampaignFailed : ExitCodes.BadInput, s.Log.ToString());
        if (named == "Duplicate") Reasons.Should().Contain(r => r.Contains(named, StringComparison.OrdinalIgnoreCase));
        else File.Exists(Path.Combine(s.Out, "campaign-summary.json")).Should().BeFalse("the earlier PASS is gone and nothing replaced it");
    }

    [Fact]
    public void A_number_in_enabled_faults_is_bad_input_named()
    {
        var record = GateSample.Phase4Evidence();
        record["enabled_faults"]!.AsArray().Add(7);

        s.Convert([new TrxWriter().Phase1().Phase2().Phase3().Complete(4, record).Save(s.Dir)]).Should().Be(ExitCodes.BadInput);
        s.Log.ToString().Should().Contain("enabled_faults is not a list of fault class names");
    }

    [Fact]
    public void The_judge_publishes_the_summary_its_exit_code_comes_from()
    {
        var runs = Path.Combine(s.Dir, "runs", "c1", "campaign-summary.json");
        var red = Save(TrxCounters.Recount(new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Build()));

        JudgeCommand.Run([$"release:0:{red}"], TextWriter.Null, TextWriter.Null, s.Dir).Should().Be(ExitCodes.CampaignFailed);
        File.ReadAllText(runs).Should().Contain("\"overall_pass\": false");

        JudgeCommand.Run([$"release:0:{Save(Green())}"], TextWriter.Null, TextWriter.Null, s.Dir).Should().Be(ExitCodes.Pass);
        File.ReadAllText(runs).Should().Contain("\"overall_pass\": true");
    }
}
