using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 29, stage 2: strength from what ran (counted from the evidence, not its planned fields) and identity
/// (every record names its image, image id and campaign; the ref given agrees with the recorded one). Every
/// record here is otherwise a release-strength green one, and every fact's line and outcome say pass.
/// </summary>
public sealed class WhatRanTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private IEnumerable<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>());

    private static (string, object?, object?, string)? Pass(ShipGate.Contract.Criteria.ExpectedFact _) => ("pass", 1, 1, "ok");

    private int Convert(int phase, JsonObject record)
    {
        var trx = new TrxWriter();
        for (var p = 1; p <= 4; p++)
        {
            if (p == phase) trx.Complete(p, record, Pass);
            else trx.Complete(p, p switch { 1 => GateSample.Phase1Evidence(), 2 => GateSample.Phase2Evidence(), 4 => GateSample.Phase4Evidence(),
                _ => RecordedRecords.AtReleaseStrength(3).Stamped() });
        }

        return s.Convert([trx.Save(s.Dir)]);
    }

    [Fact]
    public void The_release_strength_sample_passes()
    {
        Convert(3, RecordedRecords.AtReleaseStrength(3).Stamped()).Should().Be(ExitCodes.Pass, s.Log.ToString());
    }

    [Theory]
    [InlineData("soak", "rehearsal: soak seconds 10 < 30")]
    [InlineData("cycles", "rehearsal: chaos cycles 10 < 50")]
    [InlineData("writes", "rehearsal: chaos writes per cycle 10 < 100")]
    [InlineData("quorum", "rehearsal: phase 2 record's own quorum_writes 1, not W = 2")]
    [InlineData("not-enabled", "rehearsal: gated fault class partition_minority did not run")]
    [InlineData("applied-once", "phase 4 kill_primary_mid_write: the fault applied in 1 of its 50 cycles, not all")]
    public void What_ran_below_what_was_planned_is_never_a_release_pass(string change, string reason)
    {
        var phase = change is "soak" or "quorum" ? 2 : 4;
        var record = phase == 2 ? GateSample.Phase2Evidence() : GateSample.Phase4Evidence();
        var kill = record["classes"]?[0]!;
        switch (change)
        {
            case "soak": record["soak"]!["ran_seconds"] = 10.02; break;
            case "quorum": record["quorum_writes"] = 1; break;
            case "cycles":
                var cycles = kill["cycles"]!.AsArray();
                while (cycles.Count > 10) cycles.RemoveAt(cycles.Count - 1);
                kill["cycles_completed"] = 50;
                break;
            case "writes": foreach (var c in kill["cycles"]!.AsArray()) c!["writes"] = 10; break;
            case "not-enabled": record["classes"]![1]!["enabled"] = false; break;
            default: foreach (var c in kill["cycles"]!.AsArray().Skip(1)) c!["fault_applied"] = false; break;
        }

        Convert(phase, record).Should().NotBe(ExitCodes.Pass);
        Reasons.Should().Contain(r => r.StartsWith(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image_id")]
    [InlineData("campaign id")]
    public void A_record_without_its_identity_belongs_to_no_campaign(string field)
    {
        var record = RecordedRecords.AtReleaseStrength(3).Stamped();
        if (field == "campaign id") record["settings"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == SettingNames.CampaignId)!["value"] = "";
        else record.Remove(field);

        Convert(3, record).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain($"phase 3: its record names no {field}, so it belongs to no campaign");
    }

    [Fact]
    public void A_ref_given_that_differs_from_the_recorded_one_is_red()
    {
        var settings = GateSample.Settings();
        settings.Add(new JsonObject { ["name"] = SettingNames.AiMemoryRef, ["value"] = "v0.6.3", ["source"] = "environment" });
        var trx = new TrxWriter().Complete(1, GateSample.Phase1Evidence().Stamped(settings)).Complete(2, GateSample.Phase2Evidence().Stamped(settings))
            .Phase3Stamped(settings).Complete(4, GateSample.Phase4Evidence().Stamped(settings));

        s.Convert([trx.Save(s.Dir)]).Should().Be(ExitCodes.CampaignFailed);
        Reasons.Should().Contain("the ai-memory ref given (release/v0.6.0) differs from the recorded ref v0.6.3");
    }
}
