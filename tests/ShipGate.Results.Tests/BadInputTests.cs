using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>Bad input: one error line, exit 2, and no summary at all (not even a stale one), nor a row in the runs index.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void No_TRX_at_all() => ExpectBadInput([], "no TRX file given");

    [Fact]
    public void A_missing_file() => ExpectBadInput([Path.Combine(s.Dir, "nope.trx")], "TRX not found");

    [Fact]
    public void An_empty_file()
    {
        var path = Path.Combine(s.Dir, "empty.trx");
        File.WriteAllText(path, "");
        ExpectBadInput([path], "TRX is empty");
    }

    [Fact]
    public void A_truncated_file()
    {
        var full = File.ReadAllText(new TrxWriter().AllPhases().Save(s.Dir));
        var path = Path.Combine(s.Dir, "truncated.trx");
        File.WriteAllText(path, full[..(full.Length / 2)]);
        ExpectBadInput([path], "TRX does not parse");
    }

    [Fact]
    public void XML_that_is_not_a_TRX()
    {
        var path = Path.Combine(s.Dir, "other.xml");
        File.WriteAllText(path, "<testsuites><testsuite name=\"x\"/></testsuites>");
        ExpectBadInput([path], "not a TRX file");
    }

    [Fact]
    public void A_TRX_from_another_test_project()
    {
        var trx = new TrxWriter().Add("Other.Project.Tests.Adds", "Passed", "hello\n").Add("Other.Project.Tests.Subtracts", "Passed");
        ExpectBadInput([trx.Save(s.Dir)], "not a ShipGate TRX");
    }

    [Fact]
    public void A_TRX_with_no_results()
    {
        ExpectBadInput([new TrxWriter().Save(s.Dir)], "no test results");
    }

    [Fact]
    public void The_same_file_twice()
    {
        var path = new TrxWriter().AllPhases().Save(s.Dir);
        ExpectBadInput([path, path], "duplicate TRX file");
    }

    [Fact]
    public void A_copy_of_the_same_run()
    {
        var path = new TrxWriter().AllPhases().Save(s.Dir);
        var copy = Path.Combine(s.Dir, "copy.trx");
        File.Copy(path, copy);
        ExpectBadInput([path, copy], "is the same test run");
    }

    [Fact]
    public void Two_runs_of_the_same_phase()
    {
        ExpectBadInput([new TrxWriter().Phase1().Phase2().Save(s.Dir, "a.trx"), new TrxWriter().Phase2().Phase3().Phase4().Save(s.Dir, "b.trx")],
            "duplicate phase 2");
    }

    [Fact]
    public void Bad_input_replaces_an_earlier_passing_summary_of_the_same_campaign()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]).Should().Be(ExitCodes.Pass);
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeTrue();
        s.Log.GetStringBuilder().Clear();

        ExpectBadInput([Path.Combine(s.Dir, "gone.trx")], "TRX not found");
        File.Exists(Path.Combine(s.Out, "phase2.json")).Should().BeFalse("stale phase files of the earlier conversion are removed");
        File.ReadAllText(Path.Combine(s.Dir, "runs", "index.html")).Should().NotContain("c1/", "the runs index lost the campaign's row with its summary");
    }

    [Fact]
    public void A_converter_crash_is_bad_input_named_with_no_summary()
    {
        var record = GateSample.Phase4Evidence();
        var classes = record["classes"]!.AsArray();
        classes.Add(classes[0]!.DeepClone());
        var trx = new TrxWriter().Phase1().Phase2().Phase3().Complete(4, record);
        ExpectBadInput([trx.Save(s.Dir)], "fault class listed more than once: kill_primary_mid_write");
    }

    private void ExpectBadInput(IReadOnlyList<string> files, string error)
    {
        var code = s.Convert(files);

        code.Should().Be(ExitCodes.BadInput);
        var lines = s.Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(l => l.StartsWith("shipgate-results: error: ", StringComparison.Ordinal)).Which.Should().Contain(error);
        lines.Should().NotContain(l => l.Contains("PASS", StringComparison.Ordinal));
        File.Exists(Path.Combine(s.Out, "campaign-summary.json")).Should().BeFalse("bad input publishes no summary");
        File.Exists(Path.Combine(s.Out, "index.html")).Should().BeFalse();
    }
}
