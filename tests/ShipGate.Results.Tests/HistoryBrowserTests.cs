using System.Text.RegularExpressions;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// The index and a compare page as headless Chromium renders them (DOM after load, inline script run): rows, the
/// ref filter, links that lead to pages that exist, and the trend charts' lines and points.
/// </summary>
public sealed class HistoryBrowserTests : IDisposable
{
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml");
    private readonly Scratch s = new();

    public HistoryBrowserTests()
    {
        Convert("v062", [Real], "v0.6.2", 1);
        Convert("rc1", [Real], "v0.6.3-rc1", 2);
        Convert("rc2", [new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir)], "v0.6.3-rc1", 3);
    }

    public void Dispose() => s.Dispose();

    private string Runs => Path.Combine(s.Dir, "runs");

    [Fact]
    public void The_index_renders_every_campaign_with_working_links_and_charts()
    {
        var dom = Chromium.DumpDom(Path.Combine(Runs, "index.html"));

        var rows = Regex.Matches(dom, "<tr class=\"(pass|fail)\" data-ref=\"([^\"]*)\"( hidden=\"\")?><td><a href=\"([^\"]+)\">").ToList();
        rows.Select(r => r.Groups[4].Value).Should().Equal("rc2/index.html", "rc1/index.html", "v062/index.html");
        var campaigns = new[] { "rc2", "rc1", "v062" }.Select(id => CampaignRecord.Load(Path.Combine(Runs, id))).ToList();
        rows.Select(r => r.Groups[1].Value).Should().Equal(campaigns.Select(c => c.Pass ? "pass" : "fail"));
        rows.Should().OnlyContain(r => r.Groups[3].Value == "", "no filter is chosen");
        rows.Should().OnlyContain(r => File.Exists(Path.Combine(Runs, r.Groups[4].Value)), "each row links to its campaign's page");
        dom.Should().Contain("<span id=\"shown\">3</span>");
        // Per strength, a chart per trend figure that has a value there; a line per node or fault class, a point per
        // campaign that holds the value (rc2's node-c never converged and its generated run has no soak), and a mark
        // per failed campaign on each of its strength's charts.
        var groups = campaigns.GroupBy(c => c.Strength).Select(g => g.ToList()).ToList();
        var charts = groups.Select(g => (Runs: g, Figures: Figure.All.Where(f => f.Trend && g.Any(c => f.Of(c.Summary).Count > 0)).ToList())).ToList();
        Regex.Count(dom, "<svg class=\"trend\"").Should().Be(charts.Sum(c => c.Figures.Count));
        var lines = charts.Sum(c => c.Figures.Sum(f => c.Runs.SelectMany(r => f.Of(r.Summary)).Select(v => v.Subject).Distinct().Count()));
        Regex.Count(dom, "<polyline class=\"series\"").Should().Be(lines);
        Regex.Count(dom, "<circle ").Should().Be(charts.Sum(c => c.Figures.Sum(f => c.Runs.Sum(r => f.Of(r.Summary).Count))));
        Regex.Count(dom, "<rect class=\"failed-run\"").Should().Be(charts.Sum(c => c.Figures.Count * c.Runs.Count(r => !r.Pass)));
        campaigns[0].Figures.Should().HaveCountLessThan(campaigns[1].Figures.Count, "rc2 lacks values, so the counts above are not all equal");
    }

    [Fact]
    public void The_ref_filter_hides_the_other_refs_rows_when_the_script_runs()
    {
        var dom = Chromium.DumpDom(Path.Combine(Runs, "index.html"), "ref=v0.6.3-rc1");

        var rows = Regex.Matches(dom, "<tr class=\"(?:pass|fail)\" data-ref=\"([^\"]*)\"( hidden=\"\")?>").ToList();
        rows.Where(r => r.Groups[2].Value == "").Select(r => r.Groups[1].Value).Should().Equal("v0.6.3-rc1", "v0.6.3-rc1");
        rows.Where(r => r.Groups[2].Value != "").Select(r => r.Groups[1].Value).Should().Equal("v0.6.2");
        dom.Should().Contain("<span id=\"shown\">2</span>");
    }

    [Fact]
    public void A_campaign_page_links_back_to_the_index()
    {
        var dom = Chromium.DumpDom(Path.Combine(Runs, "rc2", "index.html"));

        dom.Should().Contain("<a class=\"back\" href=\"../index.html\">");
        File.Exists(Path.Combine(Runs, "rc2", "..", "index.html")).Should().BeTrue();
        Regex.Count(dom, "<table class=\"grid matrix\"").Should().Be(4);
    }

    [Fact]
    public void The_compare_page_renders_the_flipped_fact_and_links_both_campaigns()
    {
        HistoryCommands.Compare(["rc1", "rc2", "--runs", Runs], new StringWriter(), s.Log).Should().Be(ExitCodes.CampaignFailed);

        var dom = Chromium.DumpDom(Path.Combine(Runs, "compare-rc1-vs-rc2.html"));

        var flipped = Regex.Match(dom, "<table class=\"grid\" id=\"flipped\">.*?</table>", RegexOptions.Singleline).Value;
        Regex.Matches(flipped, "<tr class=\"fail\"><td>([^<]+)</td>").Select(m => m.Groups[1].Value).Should().Contain("p2.node-c.holds-95pct");
        foreach (var href in Regex.Matches(dom, "<a (?:class=\"back\" )?href=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            File.Exists(Path.Combine(Runs, href)).Should().BeTrue($"{href} is a page beside the compare page");
        dom.Should().Contain("href=\"rc1/index.html\"").And.Contain("href=\"rc2/index.html\"").And.Contain("href=\"index.html\"");
    }

    private void Convert(string id, IReadOnlyList<string> trx, string aiRef, int day) =>
        Converter.ConvertTrx(trx, Path.Combine(Runs, id), new CampaignOptions(id, aiRef, "abc123", new DateTimeOffset(2026, 11, day, 10, 0, 0, TimeSpan.Zero)),
            s.Log);
}
