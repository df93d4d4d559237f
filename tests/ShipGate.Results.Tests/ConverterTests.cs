using ShipGate.Contract.Criteria;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

public sealed class ConverterTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void A_full_green_campaign_passes_with_every_file_and_empty_reasons()
    {
        var code = s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]);

        code.Should().Be(ExitCodes.Pass, s.Log.ToString());
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeTrue();
        s.Summary["reasons"]!.AsArray().Should().BeEmpty();
        s.Summary["missing_phases"]!.AsArray().Should().BeEmpty();
        foreach (var file in new[] { "phase1-node-a.json", "phase1-node-b.json", "phase1-node-c.json", "phase2.json", "phase3.json", "phase4.json",
            "phase4-cycles.jsonl", "index.html" })
            File.Exists(Path.Combine(s.Out, file)).Should().BeTrue(file);
        s.Summary["phases"]!.AsArray().Select(p => p!["phase"]!.GetValue<int>()).Should().Equal(1, 1, 1, 2, 3, 4);
        s.Summary["phases"]!.AsArray().Should().OnlyContain(p => p!["reasons"]!.AsArray().Count == 0 && p["pass"]!.GetValue<bool>());
    }

    [Fact]
    public void The_summary_names_the_image_by_its_engine_id_as_well_as_its_tag()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]);

        s.Summary["sut_image"]!.GetValue<string>().Should().Be("shipgate/ai-memory-node:abc");
        s.Summary["sut_image_id"]!.GetValue<string>().Should().Be("sha256:0123abcd");
    }

    [Fact]
    public void Summary_and_phase_files_keep_the_bash_gate_field_names_and_types()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]);

        var summary = s.Summary;
        Kind(summary, "campaign_id").Should().Be(JsonValueKind.String);
        Kind(summary, "ai_memory_git_ref").Should().Be(JsonValueKind.String);
        summary["completed_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        Kind(summary, "overall_pass").Should().Be(JsonValueKind.True);
        Kind(summary, "phases").Should().Be(JsonValueKind.Array);
        Kind(summary, "gate_commit").Should().Be(JsonValueKind.String);
        summary["phase_results"]!.AsArray().Should().OnlyContain(p => Kind(p!.AsObject(), "duration_ms") == JsonValueKind.Number);

        var p1 = s.Json("phase1-node-b.json");
        p1["phase"]!.GetValue<int>().Should().Be(1);
        foreach (var key in new[] { "mcp_tool_count", "recall_count", "snapshot_count", "manifest_count" }) Kind(p1, key).Should()
            .Be(JsonValueKind.Number, key);
        foreach (var key in new[] { "host", "version" }) Kind(p1, key).Should().Be(JsonValueKind.String, key);
        foreach (var key in new[] { "stats", "curator" }) Kind(p1, key).Should().Be(JsonValueKind.Object, key);
        Kind(p1, "reasons").Should().Be(JsonValueKind.Array);
        p1["mcp_tool_count"]!.GetValue<int>().Should().Be(36);

        var p2 = s.Json("phase2.json");
        foreach (var key in new[] { "total_writes", "ok", "quorum_not_met", "fail" }) Kind(p2, key).Should().Be(JsonValueKind.Number, key);
        p2["probe1_single_peer_down"]!.GetValue<string>().Should().Be("201");
        p2["probe2_both_peers_down"]!.GetValue<string>().Should().Be("503");
        p2["counts"]!.AsObject().Select(kv => kv.Key).Should().Equal("a", "b", "c");
        p2["counts"]!["c"]!.GetValue<int>().Should().Be(200);
        var convergedA = RecordedRecords.Phase(2)["nodes"]!.AsArray().Single(n => (string?)n!["node"] == "node-a")!["seconds_to_converge"]!;
        p2["time_to_converge_ms"]!["a"]!.GetValue<long>().Should().Be((long)Math.Round(convergedA.GetValue<double>() * 1000), "the recorded run's own figure");
        Kind(p2["missing_titles"]!.AsObject(), "c").Should().Be(JsonValueKind.Array);
        p2["status_histogram"]!["201"]!.GetValue<int>().Should().Be(200);

        var p3 = s.Json("phase3.json");
        foreach (var key in new[] { "report_forward", "report_idempotent", "report_reverse" }) Kind(p3, key).Should().Be(JsonValueKind.Object, key);
        p3["report_forward"]!["memories_written"]!.GetValue<int>().Should().Be(1000);
        p3["src_count"]!.GetValue<int>().Should().Be(1000);
        p3["dst_count"]!.GetValue<int>().Should().Be(1000);
        p3["content_identical"]!.GetValue<bool>().Should().BeTrue();

        var p4 = s.Json("phase4.json");
        p4["cycles_per_fault"]!.GetValue<int>().Should().Be(50);
        p4["writes_per_cycle"]!.GetValue<int>().Should().Be(100);
        p4["convergence_by_fault"]![GateSample.Kill]!.GetValue<double>().Should().Be(1); // every acknowledged write survived in the recorded run
        p4["faults"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public void A_failing_criterion_fails_its_phase_and_the_campaign_with_its_message_as_reason()
    {
        var code = s.Convert([new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir)]);

        code.Should().Be(ExitCodes.CampaignFailed);
        var p2 = s.Json("phase2.json");
        p2["pass"]!.GetValue<bool>().Should().BeFalse();
        p2["counts"]!["c"]!.GetValue<int>().Should().Be(146);
        p2["missing_titles"]!["c"]!.AsArray().Should().HaveCount(54);
        p2["reasons"]!.AsArray().Should().ContainSingle().Which!.GetValue<string>().Should().Contain("node-c holds 146/200");
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        s.Summary["reasons"]!.AsArray().Should().ContainSingle(r => r!.GetValue<string>().StartsWith("phase2: ", StringComparison.Ordinal));
        s.Json("phase1-node-a.json")["reasons"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void A_phase1_failure_on_one_node_fails_only_that_node_file()
    {
        s.Convert([new TrxWriter().Phase1(failNode: "node-b").Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);

        s.Json("phase1-node-a.json")["pass"]!.GetValue<bool>().Should().BeTrue();
        s.Json("phase1-node-b.json")["pass"]!.GetValue<bool>().Should().BeFalse();
        s.Json("phase1-node-b.json")["reasons"]!.AsArray().Should().Contain(r => r!.GetValue<string>().Contains("12 tools", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_phase_fails_the_campaign_and_is_named()
    {
        var trx = new TrxWriter().Phase1().Phase2().Save(s.Dir);

        s.Convert([trx]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["missing_phases"]!.AsArray().Select(p => p!.GetValue<int>()).Should().Equal(3, 4);
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("partial campaign: phases 3, 4 not run");
        File.Exists(Path.Combine(s.Out, "phase3.json")).Should().BeFalse();
    }

    [Fact]
    public void A_one_phase_run_writes_its_phase_and_fails_as_a_partial_campaign()
    {
        s.Convert([new TrxWriter().Phase2().Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);

        s.Json("phase2.json")["pass"]!.GetValue<bool>().Should().BeTrue(s.Json("phase2.json").ToJsonString());
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("partial campaign: phases 1, 3, 4 not run");
    }

    [Fact]
    public void An_unparseable_evidence_line_fails_the_fact_even_when_the_test_passed()
    {
        var trx = new TrxWriter().Phase1().Phase3().Phase4()
            .Add("Phase 2 · probe 1: node-b down, write to node-a → 201", "Passed", "##shipgate-evidence {\"criterion\": \"p2.probe1\", trunc\n");

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        var reasons = s.Json("phase2.json")["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        reasons.Should().Contain(r => r.Contains("evidence line did not parse", StringComparison.Ordinal));
        reasons.Should().Contain(r => r.Contains("phase 2 wrote no phase evidence record", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unparseable_phase_evidence_record_fails_the_phase()
    {
        var line = GateSample.Output("p3.preflight", 3, null, "pass", null, null, "ok", new JsonObject());
        var broken = line.Replace("##shipgate-phase-evidence {}", "##shipgate-phase-evidence {\"rows\": 10", StringComparison.Ordinal);
        var trx = new TrxWriter().Phase1().Phase2().Phase4().Add("Phase 3 · preflight: node-a and Postgres up and healthy", "Passed", broken);

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Json("phase3.json")["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should()
            .Contain(r => r.StartsWith("phase 3 evidence did not parse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_passed_gate_test_without_an_evidence_line_fails_closed()
    {
        var trx = new TrxWriter().Phase1().Phase2().Phase3().Phase4().Add("Phase 2 · burst gets ≥ 95% 201", "Passed", "no evidence here\n");

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Json("phase2.json")["reasons"]![0]!.GetValue<string>().Should().Contain("wrote no ##shipgate-evidence line");
    }

    [Fact]
    public void A_skipped_opt_in_fault_class_is_not_run_and_does_not_count_against_the_campaign()
    {
        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]).Should().Be(ExitCodes.Pass, s.Log.ToString());

        var p4 = s.Json("phase4.json");
        p4["not_run"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal(GateSample.Pause, "clock_skew_peer");
        s.Summary["not_run_fault_classes"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal(GateSample.Pause, "clock_skew_peer");
        p4["checks"]!.AsArray().Should().Contain(c => c!["status"]!.GetValue<string>() == "not_run");
        s.Summary["phase_results"]!.AsArray().Single(p => p!["phase"]!.GetValue<int>() == 4)!["facts_not_run"]!.GetValue<int>()
            .Should().Be(CriteriaCatalog.Facts(4, Topology.OptInFaults).Count(f => f.Fault is not null), "every per-class fact of the 2 opt-in classes");
    }

    [Theory]
    [InlineData("NotExecuted", "skipped for no good reason")]
    [InlineData("Timeout", null)]
    [InlineData("Aborted", null)]
    [InlineData("Inconclusive", null)]
    [InlineData("SomethingNew", null)]
    public void Any_outcome_but_Passed_or_an_opt_in_skip_is_a_failure(string outcome, string? message)
    {
        var trx = new TrxWriter().AllPhases().Add("Phase 3 · re-run: no errors", outcome, error: message);

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Json("phase3.json")["pass"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_run_that_aborted_with_no_failed_test_gets_a_synthetic_failure()
    {
        var trx = new TrxWriter { RunOutcome = "Aborted" }.AllPhases();

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should()
            .Contain(r => r.Contains("ended Aborted with no failed test (synthetic failure)", StringComparison.Ordinal));
        s.Json("phase2.json")["pass"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_failed_gate_unit_test_fails_the_campaign()
    {
        var trx = new TrxWriter().AllPhases().Add("ShipGate.Tests.Unit.VerdictTests.Combine", "Failed", error: "expected Fail");

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["other_tests"]!["failed"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void Matrix_jobs_merge_one_TRX_per_phase()
    {
        var files = new[]
        {
            new TrxWriter().Phase1().Save(s.Dir, "p1.trx"), new TrxWriter().Phase2().Save(s.Dir, "p2.trx"),
            new TrxWriter().Phase3().Save(s.Dir, "p3.trx"), new TrxWriter().Phase4().Save(s.Dir, "p4.trx"),
        };

        s.Convert(files).Should().Be(ExitCodes.Pass, s.Log.ToString());
        s.Summary["trx_files"]!.AsArray().Should().HaveCount(4);
    }

    private static JsonValueKind Kind(JsonObject o, string key) =>
        o.TryGetPropertyValue(key, out var v) ? v?.GetValueKind() ?? JsonValueKind.Null : JsonValueKind.Undefined;
}
