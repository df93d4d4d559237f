using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// CI runs Phase 4 as one job per fault class (.github/workflows/ship-gate.yml); the converter merges the shards into
/// one Phase 4 of one campaign. Cut from the recorded green run (<see cref="RecordedShards"/>): phases 1–3 asked for
/// both gated classes, each shard ran one.
/// </summary>
public sealed class ShardMergeTests : IDisposable
{
    private const string Kill = GateSample.Kill;
    private const string Partition = GateSample.Partition;
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private int Convert(params string[] trx) => Converter.ConvertTrx(trx, s.Out, Scratch.Options() with { CampaignId = "real-green" }, s.Log);

    private List<string> Reasons => s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    private List<string> Phase4Checks(string status) =>
        s.Json("phase4.json")["checks"]!.AsArray()
            .Where(c => c!["status"]!.GetValue<string>() == status).Select(c => c!["criterion"]!.GetValue<string>()).ToList();

    [Fact]
    public void Two_shards_merge_into_the_one_phase_4_of_the_unsharded_run()
    {
        Convert(Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml"));
        var whole = (s.Summary["phase_results"]!.DeepClone(), Phase4Checks("passed"), File.ReadAllLines(Path.Combine(s.Out, "phase4-cycles.jsonl")).Length);

        Convert(RecordedShards.Phases123(s.Dir), RecordedShards.Shard(s.Dir, Kill), RecordedShards.Shard(s.Dir, Partition))
            .Should().Be(ExitCodes.CampaignFailed);

        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeTrue(s.Log.ToString());
        Reasons.Should().OnlyContain(
            r => r.StartsWith("rehearsal: ", StringComparison.Ordinal), "the recorded run is a short rehearsal; nothing else is wrong");
        Phase4Checks("passed").Should().BeEquivalentTo(whole.Item2, "every fact of both classes, each from the shard that ran it, the once-facts once");
        Phase4Checks("failed").Should().BeEmpty();
        s.Summary["phase_results"]!.AsArray().Select(p => p!["facts_passed"]!.GetValue<int>())
            .Should().Equal(whole.Item1.AsArray().Select(p => p!["facts_passed"]!.GetValue<int>()));
        var p4 = s.Json("phase4.json");
        p4["enabled_faults"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal(Kill, Partition);
        p4["faults"]!.AsArray().Select(f => f!["fault"]!.GetValue<string>()).Should().Equal(Kill, Partition);
        p4["convergence_by_fault"]!.AsObject().Select(kv => kv.Key).Should().Equal(Kill, Partition);
        p4["shards"]!.AsArray().Select(x => x!["enabled_faults"]![0]!.GetValue<string>()).Should().Equal(Kill, Partition);
        File.ReadAllLines(Path.Combine(s.Out, "phase4-cycles.jsonl")).Should().HaveCount(whole.Item3, "every cycle of both classes");
        s.Html.Should().Contain(Kill).And.Contain(Partition);
    }

    [Fact]
    public void A_missing_shard_leaves_its_class_without_evidence_and_the_campaign_red()
    {
        Convert(RecordedShards.Phases123(s.Dir), RecordedShards.Shard(s.Dir, Kill)).Should().Be(ExitCodes.CampaignFailed);

        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeFalse();
        Reasons.Should().Contain(
            $"phase 4: fault class {Partition} ran in no shard, though the campaign asked for it (SHIPGATE_CHAOS_FAULTS={Kill},{Partition})");
        Phase4Checks("failed").Should().NotBeEmpty().And.OnlyContain(k => k.StartsWith($"p4.{Partition}.", StringComparison.Ordinal));
        s.Json("phase4.json")["faults"]!.AsArray().Select(f => f!["fault"]!.GetValue<string>()).Should().Equal(Kill);
    }

    [Fact]
    public void A_class_in_two_shards_is_red()
    {
        Convert(RecordedShards.Phases123(s.Dir), RecordedShards.Shard(s.Dir, Kill), RecordedShards.Shard(s.Dir, Kill, "kill-again.trx"),
            RecordedShards.Shard(s.Dir, Partition)).Should().Be(ExitCodes.CampaignFailed);

        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeFalse();
        Reasons.Should().Contain($"phase 4: fault class {Kill} ran in 2 shards (shard-{Kill}.trx, kill-again.trx); each class runs in one");
    }

    [Fact]
    public void A_shard_of_a_class_no_other_phase_asked_for_is_red()
    {
        Convert(RecordedShards.Phases123(s.Dir, faults: Kill), RecordedShards.Shard(s.Dir, Kill), RecordedShards.Shard(s.Dir, Partition));

        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeFalse();
        Reasons.Should().Contain(
            $"phase 4: shard shard-{Partition}.trx ran fault class {Partition}, which no other phase asked for (SHIPGATE_CHAOS_FAULTS={Kill})");
    }

    [Theory]
    [InlineData("SHIPGATE_CAMPAIGN_ID", "other-campaign",
        "campaign id differs (phase 1, 2, 3, 4 (kill_primary_mid_write shard): real-green; phase 4 (partition_minority shard): other-campaign)")]
    [InlineData("image_id", "sha256:feedface", "image_id differs (phase 1, 2, 3, 4 (kill_primary_mid_write shard): sha256:")]
    [InlineData("image", "ghcr.io/else/ai-memory:1", "image differs (")]
    public void A_shard_of_another_campaign_or_image_is_red(string field, string value, string reason)
    {
        var other = RecordedShards.Shard(s.Dir, Partition, change: r =>
        {
            if (field.StartsWith("SHIPGATE_", StringComparison.Ordinal)) RecordedShards.Setting(r, field, value);
            else r[field] = value;
        });

        Convert(RecordedShards.Phases123(s.Dir), RecordedShards.Shard(s.Dir, Kill), other).Should().Be(ExitCodes.CampaignFailed);

        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeFalse();
        Reasons.Should().Contain(r => r.StartsWith("phases do not belong to one campaign: " + reason, StringComparison.Ordinal)
            && r.Contains($"phase 4 ({Partition} shard): {value}", StringComparison.Ordinal), string.Join("\n", Reasons));
    }
}
