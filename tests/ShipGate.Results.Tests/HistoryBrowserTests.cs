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
        rows.Select(r => r.Groups[1].Value).Should().Equal("fail", "pass", "pass");
        rows.Should().OnlyContain(r => r.Groups[3].Value == "", "no filter is chosen");
        rows.Should().OnlyContain(r => File.Exists(Path.Combine(Runs, r.Groups[4].Value)), "each row links to its campaign's page");
        dom.Should().Contain("<span id=\"shown\">3</span>");
        // Three trend charts (one strength); a line per node or class, a point per campaign that has the value:
        // convergence 3 + 3 + 2 (rc2's node-c never converged), soak p99 3 + 3 (rc2's generated run has no soak), Phase 4 2 × 3.
        Regex.Count(dom, "<svg class=\"trend\"").Should().Be(3);
        Regex.Count(dom, "<polyline class=\"series\"").Should().Be(3 + 3 + 2);
        Regex.Count(dom, "<circle ").Should().Be(8 + 6 + 6);
        Regex.Count(dom, "<rect class=\"failed-run\"").Should().Be(3, "rc2 failed: marked once on each chart");
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
