using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using ShipGate.Contract;
using ShipGate.Results.Tests.Support;
using ShipGate.Results.TestLogger;

namespace ShipGate.Results.Tests;

/// <summary>
/// Ways the converter published overall_pass: true when it must not (issue 11, cases 2–5). Each was a green
/// campaign on the code before the fix.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private IReadOnlyList<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    [Fact]
    public void Case2_only_each_phase_preflight_fact_is_not_a_campaign()
    {
        var trx = new TrxWriter();
        var p1 = GateSample.Phase1Evidence();
        trx.Fact("Phase 1 · preflight: cluster up and healthy", "p1.preflight", 1, null, p1, measured: 3, threshold: 3);
        trx.Fact("Phase 2 · preflight: cluster up and healthy", "p2.preflight", 2, null, GateSample.Phase2Evidence(), measured: 3, threshold: 3);
        trx.Fact(
            "Phase 3 · preflight: node-a and Postgres up and healthy", "p3.preflight", 3, null, new System.Text.Json.Nodes.JsonObject { ["rows"] = 1000 });
        trx.Fact("Phase 4 · preflight: the image is ai-memory", "p4.preflight", 4, null, GateSample.Phase4Evidence());

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains("Phase 2 · probe 1: node-b down, write to node-a → 201", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("Phase 1 · node-c · backup leaves exactly one manifest", StringComparison.Ordinal));
    }

    [Fact]
    public void Case2_a_run_filtered_to_some_facts_of_a_phase_is_not_a_campaign()
    {
        var events = new FakeLoggerEvents();
        new ShipGateLogger().Initialize(events, new Dictionary<string, string?> { ["TestRunDirectory"] = s.Dir, ["Out"] = s.Out, ["Campaign"] = "c1" });
        events.Start("Phase=2&DisplayName~probe");
        var e = GateSample.Phase2Evidence();
        events.Result("Phase 2 · probe 1: node-b down, write to node-a → 201", TestOutcome.Passed,
            GateSample.Output("p2.probe1.one-peer-down-201", 2, "node-a", "pass", 201, 201, "201", e));
        events.Result("Phase 2 · probe 2: node-b and node-c down → 503 quorum_not_met with Retry-After", TestOutcome.Passed,
            GateSample.Output("p2.probe2.both-peers-down-503", 2, "node-a", "pass", 503, 503, "503", e));
        events.Complete(aborted: false);

        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        Reasons.Should().Contain(r => r.Contains("Phase 2 · burst gets ≥ 95% 201", StringComparison.Ordinal));
    }

    [Fact]
    public void Case2_a_campaign_without_its_partition_facts_fails_and_publishes_no_partition_bound()
    {
        var trx = new TrxWriter().Phase1().Phase2().Phase3();
        var e = GateSample.Phase4Evidence();
        trx.Fact("Phase 4 · preflight: the image is ai-memory", "p4.preflight", 4, null, e);
        trx.Fact($"Phase 4 · {GateSample.Kill} · convergence_bound ≥ 0.995", $"p4.{GateSample.Kill}.convergence-bound", 4, null, e, measured: 0.9966,
            threshold: 0.995);

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains($"Phase 4 · {GateSample.Partition} · convergence_bound ≥ 0.995", StringComparison.Ordinal));
        s.Json("phase4.json")["convergence_by_fault"]![GateSample.Partition].Should().BeNull();
    }

    [Fact]
    public void Case3_a_red_phase_outside_the_expected_ones_is_a_red_campaign()
    {
        var trx = new TrxWriter().Phase1().Phase2(c: 146).Save(s.Dir);

        s.Convert([trx]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains("node-c holds 146/200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GateSample.Kill)]
    [InlineData(GateSample.Partition)]
    public void Case4_a_gated_class_skipped_as_not_enabled_is_red(string fault)
    {
        var name = $"Phase 4 · {fault} · convergence_bound ≥ 0.995";
        var trx = new TrxWriter().Phase1().Phase2().Phase3();
        var e = GateSample.Phase4Evidence();
        trx.Fact("Phase 4 · preflight: the image is ai-memory", "p4.preflight", 4, null, e);
        foreach (var f in new[] { GateSample.Kill, GateSample.Partition }.Where(f => f != fault))
            trx.Fact($"Phase 4 · {f} · convergence_bound ≥ 0.995", $"p4.{f}.convergence-bound", 4, null, e, measured: 0.9966, threshold: 0.995);
        trx.Add(name, "NotExecuted", error: $"{fault} is opt-in and not enabled: add it to {SettingNames.ChaosFaults} to run it");

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain(r => r.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Case5_a_stale_cycles_file_from_an_earlier_run_does_not_survive_a_rewrite()
    {
        Directory.CreateDirectory(s.Out);
        var stale = Path.Combine(s.Out, "phase4-cycles.jsonl");
        File.WriteAllText(stale, "{\"cycle\":1,\"fault\":\"stale\"}\n");

        s.Convert([new TrxWriter().Phase1().Phase2().Phase3().Save(s.Dir)]);

        File.Exists(stale).Should().BeFalse("a conversion without Phase 4 leaves no Phase 4 cycles");
    }
}
