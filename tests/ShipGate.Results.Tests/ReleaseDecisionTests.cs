using System.Text.Json.Nodes;
using ShipGate.Contract.Criteria;
using ShipGate.Contract;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 20: ways a campaign was published as overall_pass true that it must not be. Each test was red on the
/// converter before the fix (crafted TRX files in the gate's own output form, GateSample).
/// </summary>
public sealed class ReleaseDecisionTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private IReadOnlyList<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    private static ExpectedFact Bound(string fault) => CriteriaCatalog.Fact($"p4.{fault}.convergence-bound");

    private int ConvertFailing(TrxWriter trx)
    {
        var code = s.Convert([trx.Save(s.Dir)]);
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse(s.Log.ToString());
        return code;
    }

    // --- Evidence that contradicts its outcome ---

    /// <summary>A convergence-bound fact that passed, its evidence line carrying <paramref name="measured"/> and the bound ≥ 0.995.</summary>
    private static TrxWriter WithKillBound(double measured)
    {
        var f = Bound(GateSample.Kill);
        return new TrxWriter().Phase1().Phase2().Phase3().Phase4().Without(f.DisplayName).Add(f.DisplayName, "Passed",
            GateSample.Output(f.Key, 4, null, "pass", measured, "≥ 0.995", "held", GateSample.Phase4Evidence(), Contract.Criteria.Bound.AtLeast(0.995)));
    }

    [Fact]
    public void A_bound_fact_whose_measured_misses_its_bound_under_verdict_pass_is_red()
    {
        ConvertFailing(WithKillBound(0.9)).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains(Bound(GateSample.Kill).DisplayName, StringComparison.Ordinal)
            && r.Contains("measured 0.9 does not meet >= 0.995 under verdict pass", StringComparison.Ordinal));
        s.Json("phase4.json")["pass"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_bound_that_holds_agrees_with_a_pass() =>
        s.Convert([WithKillBound(0.996).Save(s.Dir)]).Should().Be(ExitCodes.Pass, s.Log.ToString());

    [Fact]
    public void A_partition_fact_carrying_the_kill_class_evidence_line_is_red()
    {
        var partition = Bound(GateSample.Partition);
        var kill = Bound(GateSample.Kill);
        var trx = new TrxWriter().Phase1().Phase2().Phase3().Phase4().Without(partition.DisplayName)
            .Add(partition.DisplayName, "Passed", GateSample.Output(kill.Key, 4, null, "pass", 0.996, 0.995, "held", GateSample.Phase4Evidence()));

        ConvertFailing(trx);
        Reasons.Should().Contain(r => r.Contains($"{partition.DisplayName}: carries the evidence of {kill.Key}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_whose_record_says_the_fault_never_applied_cannot_have_passed_facts()
    {
        var e = GateSample.Phase4Evidence();
        foreach (var cycle in e["classes"]![1]!["cycles"]!.AsArray()) cycle!["fault_applied"] = false;
        var trx = new TrxWriter().Phase1().Phase2().Phase3().Complete(4, e);

        ConvertFailing(trx);
        Reasons.Should()
            .Contain(r => r.Contains($"p4.{GateSample.Partition}.convergence-bound: outcome Failed: fault fired in 0 of 50 cycles", StringComparison.Ordinal))
            .And.Contain(r => r.Contains(
                $"{GateSample.Partition} · Σok > 0: passed, but the phase 4 record shows no cycle of {GateSample.Partition} where the fault applied",
                StringComparison.Ordinal));
        Reasons.Should().NotContain(r => r.Contains(GateSample.Kill, StringComparison.Ordinal));
    }

    [Fact]
    public void A_skip_that_only_says_not_enabled_without_the_marker_is_red()
    {
        var pause = CriteriaCatalog.Fact($"p4.{GateSample.Pause}.acknowledged");
        var trx = new TrxWriter().AllPhases().Without(pause.DisplayName)
            .Add(pause.DisplayName, "NotExecuted", error: $"pause_peer is opt-in and not enabled: add it to {SettingNames.ChaosFaults} to run it");

        ConvertFailing(trx);
        Reasons.Should().Contain(r => r.Contains($"{pause.DisplayName}: skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_marked_skip_naming_another_fact_is_red()
    {
        var pause = CriteriaCatalog.Fact($"p4.{GateSample.Pause}.acknowledged");
        var other = CriteriaCatalog.Fact($"p4.{GateSample.Pause}.liveness");
        var trx = new TrxWriter().AllPhases().Without(pause.DisplayName).Add(pause.DisplayName, "NotExecuted", error: GateSample.OptInSkipReason(other));

        ConvertFailing(trx);
        Reasons.Should().Contain(r => r.Contains($"{pause.DisplayName}: carries the evidence of {other.Key}", StringComparison.Ordinal));
    }

    // --- One campaign ---

    [Fact]
    public void Phases_naming_two_images_are_not_one_campaign()
    {
        var p2 = GateSample.Phase2Evidence();
        p2["image_id"] = "sha256:ffff0000";
        var trx = new TrxWriter().Phase1().Complete(2, p2).Phase3().Phase4();

        ConvertFailing(trx);
        Reasons.Should().Contain("phases do not belong to one campaign: image_id differs (phase 1, 3, 4: sha256:0123abcd; phase 2: sha256:ffff0000)");
    }

    [Fact]
    public void Phases_set_up_by_two_version_rows_are_not_one_campaign()
    {
        var p2 = GateSample.Phase2Evidence();
        var p4 = GateSample.Phase4Evidence();
        p2["version_row"] = "v0.6.0";
        p4["version_row"] = "v0.7.0";
        var trx = new TrxWriter().Phase1().Complete(2, p2).Phase3().Complete(4, p4);

        ConvertFailing(trx);
        Reasons.Should().Contain("phases do not belong to one campaign: version_row differs (phase 1, 2, 3: v0.6.0; phase 4: v0.7.0)");
    }

    [Fact]
    public void A_phase_4_run_from_another_campaign_with_one_cycle_is_not_merged_into_a_pass()
    {
        var other = GateSample.Phase4Evidence(cycles: 1);
        other["settings"] = GateSample.Settings("other-campaign", new Dictionary<string, string> { [SettingNames.ChaosCycles] = "1" });
        var mine = new TrxWriter().Phase1().Phase2().Phase3().Save(s.Dir, "p123.trx");
        var theirs = new TrxWriter().Complete(4, other).Save(s.Dir, "p4.trx");

        s.Convert([mine, theirs]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain("phases do not belong to one campaign: campaign id differs (phase 1, 2, 3: c1; phase 4: other-campaign)")
            .And.Contain(r => r.StartsWith("phases do not belong to one campaign: setting SHIPGATE_CHAOS_CYCLES differs", StringComparison.Ordinal))
            .And.Contain("rehearsal: chaos cycles 1 < 50");
    }

    [Fact]
    public void A_campaign_id_given_that_differs_from_the_recorded_one_is_red()
    {
        var trx = new TrxWriter().AllPhases().Save(s.Dir);

        Converter.ConvertTrx([trx], s.Out, Scratch.Options() with { CampaignId = "rc9" }, s.Log).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain("the campaign id given (rc9) differs from the recorded campaign id c1");
    }

    [Fact]
    public void A_phase_record_without_settings_belongs_to_no_known_campaign()
    {
        var e = GateSample.Phase2Evidence();
        e.Remove("settings");

        ConvertFailing(new TrxWriter().Phase1().Complete(2, e).Phase3().Phase4());
        Reasons.Should().Contain("phase 2: its record carries no settings, so its campaign is unknown");
    }

    // --- Release strength ---

    public static TheoryData<string, string, string> BelowTheFloor => new()
    {
        { SettingNames.ChaosCycles, "10", "rehearsal: chaos cycles 10 < 50" },
        { SettingNames.ChaosCycles, "1", "rehearsal: chaos cycles 1 < 50" },
        { SettingNames.SoakSecs, "10", "rehearsal: soak seconds 10 < 30" },
        { SettingNames.P3Rows, "200", "rehearsal: phase 3 rows 200 < 1000" },
        { SettingNames.ChaosWrites, "10", "rehearsal: chaos writes per cycle 10 < 100" },
        { SettingNames.P2Agents, "1", "rehearsal: phase 2 writes (agents × writes per agent) 50 < 200" },
        { SettingNames.ChaosFaults, GateSample.Kill, $"rehearsal: gated fault class {GateSample.Partition} not in SHIPGATE_CHAOS_FAULTS" },
    };

    [Theory]
    [MemberData(nameof(BelowTheFloor))]
    public void A_campaign_below_the_release_floor_is_a_rehearsal_never_a_pass(string setting, string value, string reason)
    {
        var settings = GateSample.Settings(overrides: new Dictionary<string, string> { [setting] = value });
        var trx = new TrxWriter()
            .Complete(1, GateSample.Phase1Evidence().Stamped(settings)).Complete(2, GateSample.Phase2Evidence().Stamped(settings))
            .Phase3Stamped(settings).Complete(4, GateSample.Phase4Evidence().Stamped(settings));

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        s.Summary["strength"]!.GetValue<string>().Should().Be("rehearsal");
        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeTrue("every fact passed: it is the strength that is short");
        Reasons.Should().Equal(reason);
        s.Html.Should().Contain("rehearsal (below the release floor");
    }

    [Fact]
    public void The_ci_profile_is_a_rehearsal_with_one_reason_per_setting_below_the_floor()
    {
        var ci = GateSample.Settings(overrides: new Dictionary<string, string> { [SettingNames.ChaosCycles] = "10", [SettingNames.SoakSecs] = "10" });
        var trx = new TrxWriter()
            .Complete(1, GateSample.Phase1Evidence().Stamped(ci)).Complete(2, GateSample.Phase2Evidence().Stamped(ci))
            .Phase3Stamped(ci).Complete(4, GateSample.Phase4Evidence(cycles: 10).Stamped(ci));

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Equal("rehearsal: chaos cycles 10 < 50", "rehearsal: soak seconds 10 < 30");
    }

    [Fact]
    public void Settings_that_claim_the_floor_while_the_record_ran_less_are_judged_on_what_ran()
    {
        var trx = new TrxWriter().Phase1().Phase2().Phase3().Complete(4, GateSample.Phase4Evidence(cycles: 2));

        ConvertFailing(trx);
        Reasons.Should().Contain("rehearsal: chaos cycles 2 < 50");
    }

    [Fact]
    public void A_cluster_other_than_three_nodes_with_W_2_is_below_the_floor()
    {
        var p2 = GateSample.Phase2Evidence();
        p2["cluster"]!["quorum_writes"] = 1;

        ConvertFailing(new TrxWriter().Phase1().Complete(2, p2).Phase3().Phase4());
        Reasons.Should().Contain("rehearsal: phase 2 cluster: 3 nodes with W = 1, not 3 nodes with W = 2");
    }

    [Fact]
    public void A_campaign_at_the_floor_is_a_release()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]).Should().Be(ExitCodes.Pass, s.Log.ToString());
        s.Summary["strength"]!.GetValue<string>().Should().Be("release");
        s.Html.Should().Contain("release (the release floor met)");
    }

    // --- No stale pass ---

    [Fact]
    public void A_failed_removal_leaves_no_earlier_passing_summary_beside_the_new_run()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir, "green.trx")]).Should().Be(ExitCodes.Pass);
        var summary = Path.Combine(s.Out, "campaign-summary.json");
        File.Delete(Path.Combine(s.Out, "phase2.json"));
        Directory.CreateDirectory(Path.Combine(s.Out, "phase2.json")); // a file the writer cannot remove

        var red = new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir, "red.trx");
        s.Convert([red]).Should().NotBe(ExitCodes.Pass);

        if (File.Exists(summary)) s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse("the green summary of the earlier run must not survive");
    }
}
