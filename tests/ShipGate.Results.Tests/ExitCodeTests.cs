using ShipGate.Contract.Criteria;
using ShipGate.Contract;
using ShipGate.Results.Judge;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 20: ./shipgate's exit code and closing line (shipgate-results judge). Each crafted run here exited 0 under
/// the bash summary it replaces, which read only the TRX's Counters failed and dropped dotnet test's exit code.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private (int Code, string Line, string Errors) Judge(params string[] runs)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = JudgeCommand.Run(runs, output, errors, s.Dir);
        return (code, output.ToString().Trim(), errors.ToString());
    }

    private string Save(TrxWriter trx, string name = "gate.trx") => trx.Save(s.Dir, name);

    [Fact]
    public void A_release_campaign_that_passed_exits_0_with_the_closing_line()
    {
        var (code, line, errors) = Judge($"release:0:{Save(new TrxWriter().AllPhases())}");

        code.Should().Be(0, errors);
        var facts = CriteriaCatalog.Phases.Sum(p => CriteriaCatalog.Facts(p, Topology.GatedFaults).Count);
        line.Should().Be($"shipgate: {facts} passed, 0 failed, {CriteriaCatalog.AllFacts(4).Count(f => Topology.OptInFaults.Contains(f.Fault ?? ""))} skipped");
    }

    [Fact]
    public void A_run_aborted_after_some_phases_reported_is_non_zero_and_never_says_0_failed()
    {
        var trx = new TrxWriter { RunOutcome = "Aborted" }.Phase1().Phase3();

        var (code, line, errors) = Judge($"facts:1:{Save(trx)}");

        code.Should().NotBe(0);
        line.Should().NotContain(" 0 failed");
        errors.Should().Contain("the test run ended Aborted").And.Contain("dotnet test exited 1");
    }

    [Fact]
    public void A_result_whose_outcome_is_Error_fails_the_run()
    {
        var trx = new TrxWriter().AllPhases().Without("Phase 3 · re-run: no errors, Postgres holds exactly N rows, no duplicate (title, namespace)")
            .Add("Phase 3 · re-run: no errors, Postgres holds exactly N rows, no duplicate (title, namespace)", "Error");

        var (code, line, _) = Judge($"tests:0:{Save(trx)}");

        code.Should().NotBe(0);
        line.Should().Contain(" 1 failed");
    }

    [Fact]
    public void A_truncated_TRX_without_counters_fails()
    {
        var (code, line, errors) = Judge($"tests:0:{Save(new TrxWriter { Counted = false }.AllPhases())}");

        code.Should().NotBe(0);
        line.Should().NotContain(" 0 failed");
        errors.Should().Contain("no ResultSummary counters");
    }

    [Fact]
    public void A_TRX_cut_mid_file_or_missing_fails()
    {
        var path = Save(new TrxWriter().AllPhases());
        File.WriteAllText(path, File.ReadAllText(path)[..5000]);

        Judge($"tests:0:{path}").Code.Should().NotBe(0);
        Judge($"tests:0:{Path.Combine(s.Dir, "never-written.trx")}").Line.Should().Be("shipgate: 0 passed, 1 failed, 0 skipped");
    }

    [Fact]
    public void A_gated_class_whose_facts_are_all_skipped_fails()
    {
        var trx = new TrxWriter().Phase1().Phase2().Phase3();
        var e = GateSample.Phase4Evidence();
        trx.Fact("Phase 4 · preflight: the image is ai-memory", "p4.preflight", 4, null, e);
        foreach (var f in CriteriaCatalog.Facts(4, Topology.AllFaults).Where(f => f.Fault is not null))
        {
            if (f.Fault == GateSample.Kill) trx.Fact(f.DisplayName, f.Key, 4, null, e, measured: 0.996, threshold: 0.995);
            else trx.Add(f.DisplayName, "NotExecuted", error: GateSample.OptInSkipReason(f));
        }

        trx.Fact("Phase 4 · HTTP bodies (create answers, list pages) have the v0.6.0 fields and JSON types", "p4.shape.http", 4, null, e);

        var (code, line, errors) = Judge($"release:0:{Save(trx)}");

        code.Should().NotBe(0);
        line.Should().NotContain(" 0 failed", "a marked skip of a gated class is a failed result");
        errors.Should().Contain($"Phase 4 · {GateSample.Partition} · ");
    }

    [Fact]
    public void A_non_zero_dotnet_test_exit_fails_a_run_whose_TRX_looks_green()
    {
        var (code, line, errors) = Judge($"tests:1:{Save(new TrxWriter().AllPhases())}");

        code.Should().NotBe(0);
        line.Should().Contain(" 1 failed");
        errors.Should().Contain("dotnet test exited 1");
    }

    [Fact]
    public void A_rehearsal_is_no_release_pass_but_passes_when_judged_by_its_facts()
    {
        var ci = GateSample.Settings(overrides: new Dictionary<string, string> { [SettingNames.ChaosCycles] = "10" });
        var trx = Save(new TrxWriter()
            .Complete(1, GateSample.Phase1Evidence().Stamped(ci)).Complete(2, GateSample.Phase2Evidence().Stamped(ci))
            .Phase3Stamped(ci).Complete(4, GateSample.Phase4Evidence(cycles: 10).Stamped(ci)));

        var release = Judge($"release:0:{trx}");
        release.Code.Should().NotBe(0);
        release.Errors.Should().Contain("(rehearsal): not a release pass").And.Contain("rehearsal: chaos cycles 10 < 50");

        Judge($"facts:0:{trx}").Code.Should().Be(0);
    }

    [Fact]
    public void A_filtered_run_passes_only_when_every_fact_of_its_phases_passed()
    {
        Judge($"facts:0:{Save(new TrxWriter().Phase2(), "green.trx")}").Code.Should().Be(0);
        Judge($"facts:1:{Save(new TrxWriter().Phase2(c: 146), "red.trx")}").Code.Should().NotBe(0);
        Judge($"facts:0:{Save(new TrxWriter().Phase2(c: 146), "red0.trx")}").Code.Should().NotBe(0, "a red fact fails even when dotnet test said 0");
        Judge($"release:0:{Save(new TrxWriter().Phase2(), "partial.trx")}").Code.Should().NotBe(0, "a filtered run is never a release pass");
    }

    [Fact]
    public void Test_projects_pass_with_every_result_passed_and_fail_on_any_plain_skip()
    {
        var ok = Save(new TrxWriter().Add("Other.Tests.A", "Passed").Add("Other.Tests.B", "Passed"), "ok.trx");
        var skipped = Save(new TrxWriter().Add("Other.Tests.A", "Passed").Add("Other.Tests.B", "NotExecuted", error: "later"), "skip.trx");

        Judge($"tests:0:{ok}").Line.Should().Be("shipgate: 2 passed, 0 failed, 0 skipped");
        Judge($"tests:0:{ok}", $"tests:0:{skipped}").Should()
            .Match<(int Code, string Line, string Errors)>(j => j.Code != 0 && j.Line == "shipgate: 3 passed, 1 failed, 0 skipped");
    }

    [Fact]
    public void A_malformed_argument_is_bad_input_and_says_failed()
    {
        var (code, line, _) = Judge("release:x:gate.trx");

        code.Should().Be(ExitCodes.BadInput);
        line.Should().Be("shipgate: 0 passed, 1 failed, 0 skipped");
    }
}
