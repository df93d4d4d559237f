using ShipGate.Contract;
using ShipGate.Results.History;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>compare A B: flips by criterion key, figures against their noise bands, settings and images, the exit code.</summary>
public sealed class HistoryCompareTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private string Runs => Path.Combine(s.Dir, "runs");

    [Fact]
    public void A_fact_green_in_A_and_red_in_B_is_a_regression_named_with_both_messages()
    {
        Campaigns.Summary("a", 1).Fail("p1.node-a.mcp.tools", "12 tools").Save(Runs);
        Campaigns.Summary("b", 2).Fail("p2.node-c.holds-95pct", "node-c holds 146/200 acknowledged (< 95%)").Save(Runs);
        var greenInA = CampaignRecord.Load(Path.Combine(Runs, "a")).Facts.Single(f => f.Key == "p2.node-c.holds-95pct").Message;
        var stdout = new StringWriter();

        HistoryCommands.Compare(["a", "b", "--runs", Runs], stdout, s.Log).Should().Be(ExitCodes.CampaignFailed);

        var text = stdout.ToString();
        text.Should().Contain("facts flipped: 2 (1 green in A, red or missing in B)")
            .And.Contain("✗ p2.node-c.holds-95pct: passed → failed")
            .And.Contain($"A: {greenInA}").And.Contain("B: node-c holds 146/200 acknowledged (< 95%)")
            .And.Contain("✓ p1.node-a.mcp.tools: failed → passed")
            .And.Contain("verdict: REGRESSION: 1 fact(s) green in A are red or missing in B: p2.node-c.holds-95pct");
        var page = File.ReadAllText(Path.Combine(Runs, "compare-a-vs-b.html"));
        page.Should().Contain("<td>p2.node-c.holds-95pct</td><td>passed → failed</td>")
            .And.Contain("href=\"a/index.html\"").And.Contain("href=\"index.html\"");
    }

    [Fact]
    public void A_fact_that_turned_green_is_listed_but_is_no_regression()
    {
        var a = Campaigns.Summary("a", 1).Fail("p3.roundtrip.identical", "3 rows differ").Record();
        var b = Campaigns.Summary("b", 2).Record();

        var c = CampaignComparison.Of(a, b);

        c.Flipped.Should().ContainSingle().Which.Kind.Should().Be("failed → passed");
        c.Regressions.Should().BeEmpty();
    }

    [Fact]
    public void A_once_fact_of_phase_1_is_one_fact_though_each_node_file_copies_it()
    {
        var b = Campaigns.Summary("b", 2).Fail("p1.preflight", "node-b never became healthy").Record();

        CampaignComparison.Of(Campaigns.Summary("a", 1).Record(), b).Flipped.Select(f => f.Key).Should().Equal("p1.preflight");
    }

    [Fact]
    public void A_fact_B_lacks_that_A_had_green_counts_as_a_regression()
    {
        var b = Campaigns.Summary("b", 2).Drop("p4.partition_minority.convergence-bound").Record();

        var c = CampaignComparison.Of(Campaigns.Summary("a", 1).Record(), b);

        c.Regressions.Should().ContainSingle().Which.Kind.Should().Be("passed → missing");
    }

    [Theory]
    [InlineData(28.0, 70.0, false)] // +150 %, but only 42 ms: inside the 50 ms floor
    [InlineData(300.0, 350.0, false)] // 50 ms, but only +17 %
    [InlineData(28.0, 90.0, true)] // 62 ms and +221 %
    [InlineData(300.0, 200.0, true)] // 100 ms and -33 %: moved (better)
    public void A_figure_moves_only_beyond_both_parts_of_its_noise_band(double before, double after, bool moved)
    {
        var a = Campaigns.Summary("a", 1).P99("node-b", before).Record();
        var b = Campaigns.Summary("b", 2).P99("node-b", after).Record();

        var moves = CampaignComparison.Of(a, b).Moved;

        if (!moved) moves.Should().BeEmpty();
        else moves.Should().ContainSingle().Which.Should().Match<FigureMove>(m => m.Name == "soak p99 · node-b" && m.Worse == after > before);
    }

    [Fact]
    public void Settings_differ_by_value_not_by_layer_and_images_by_id()
    {
        var a = Campaigns.Summary("a", 1).Setting(SettingNames.SoakSecs, "10", "profile ci").Setting(SettingNames.ChaosCycles, "2").Record();
        var bJson = Campaigns.Summary("b", 2, strength: "rehearsal")
            .Setting(SettingNames.SoakSecs, "10", "environment").Setting(SettingNames.ChaosCycles, "50", "default");
        bJson["sut_image_id"] = "sha256:feedface";
        var c = CampaignComparison.Of(a, bJson.Record());

        c.Settings.Should().ContainSingle().Which.Should().Be(new Difference(SettingNames.ChaosCycles, "2 (command line)", "50 (default)"));
        c.Images.Select(d => d.Name).Should().Equal("image id", "strength");
    }

    [Fact]
    public void Equal_campaigns_compare_clean_and_the_noise_bands_are_printed()
    {
        Campaigns.Summary("a", 1).Save(Runs);
        Campaigns.Summary("b", 2).Save(Runs);
        var stdout = new StringWriter();

        string[] args = [Path.Combine(Runs, "a"), Path.Combine(Runs, "b", "campaign-summary.json"), "--out", Path.Combine(s.Dir, "cmp.html")];
        HistoryCommands.Compare(args, stdout, s.Log).Should().Be(ExitCodes.Pass);

        stdout.ToString().Should().Contain("facts flipped: 0").And.Contain("figures beyond their noise band: 0")
            .And.Contain("soak p99 ±20 % and at least 50 ms").And.Contain("Phase 4 convergence bound at least 0.0005")
            .And.Contain("verdict: no fact that was green in A is red in B");
        File.ReadAllText(Path.Combine(s.Dir, "cmp.html")).Should().Contain("No fact that was green in A is red in B").And.NotContain("all campaigns");
    }

    [Fact]
    public void A_campaign_that_is_not_there_or_does_not_parse_is_bad_input()
    {
        Campaigns.Summary("a", 1).Save(Runs);
        Directory.CreateDirectory(Path.Combine(Runs, "torn"));
        File.WriteAllText(Path.Combine(Runs, "torn", "campaign-summary.json"), "{");

        var missing = () => HistoryCommands.Compare(["a", "nope", "--runs", Runs], new StringWriter(), s.Log);
        var torn = () => HistoryCommands.Compare(["a", "torn", "--runs", Runs], new StringWriter(), s.Log);

        missing.Should().Throw<Model.ResultsInputException>().WithMessage("no campaign 'nope'*");
        torn.Should().Throw<Model.ResultsInputException>().WithMessage("*campaign-summary.json unreadable*");
    }
}
