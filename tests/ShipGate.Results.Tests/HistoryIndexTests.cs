using System.Text.RegularExpressions;
using ShipGate.Results.History;
using ShipGate.Results.Html;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>runs/index.html: built from the summaries beside it, newest first, rebuilt by every conversion.</summary>
public sealed partial class HistoryIndexTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private string Runs => Path.Combine(s.Dir, "runs");

    private string Index => File.ReadAllText(Path.Combine(Runs, "index.html"));

    [Fact]
    public void Rows_are_newest_first_with_identity_verdict_failed_facts_and_figures()
    {
        Campaigns.Summary("old", 1).Save(Runs);
        Campaigns.Summary("new", 3, "v0.6.3-rc1", strength: null).Fail("p2.node-c.holds-95pct", "node-c holds 146/200").P99("node-a", 412).Save(Runs);
        Campaigns.Summary("mid", 2, "v0.6.2", "rehearsal").Save(Runs);

        RunsIndex.Rebuild(Runs).Should().Be(3);
        var html = Index;

        RowIds().Matches(html).Select(m => m.Groups[1].Value).Should().Equal("new", "mid", "old");
        var newRow = Row(html, "new");
        newRow.Should().Contain("badge fail").And.Contain("v0.6.3-rc1").And.Contain("ai-memory 0.6.0").And.Contain("ab2fbfd76477");
        newRow.Should().Contain("p2.node-c.holds-95pct").And.Contain("title=\"node-c holds 146/200\"").And.Contain(">412</span> · ");
        newRow.Should().Contain("<td>—</td>", "a summary written before the strength field has none");
        Row(html, "mid").Should().Contain("rehearsal").And.Contain("badge pass")
            .And.Contain(">28.3</span> · <span title=\"soak p99 &#183; node-b\">28</span> · ");
        Row(html, "old").Should().Contain("<span class=\"sub\">kill_primary_mid_write</span> 1.61").And.Contain("55.7");
        html.Should().Contain("<td>old</td>", "a folder with only a summary has no page to link to");
    }

    [Fact]
    public void Trend_charts_are_drawn_per_strength_oldest_first()
    {
        Campaigns.Summary("r1", 1).Save(Runs);
        Campaigns.Summary("r2", 2).P99("node-b", 90).Save(Runs);
        Campaigns.Summary("h1", 3, strength: "rehearsal").Save(Runs);

        RunsIndex.Rebuild(Runs);
        var html = Index;

        html.Should().Contain("<h3>strength: release</h3>").And.Contain("<h3>strength: rehearsal</h3>");
        var release = Section(html, "strength: release");
        release.Should().Contain("<title>r1 &#183; node-b: 28 ms</title>").And.Contain("<title>r2 &#183; node-b: 90 ms</title>");
        release.IndexOf("r1 &#183; node-b", StringComparison.Ordinal).Should().BeLessThan(release.IndexOf("r2 &#183; node-b", StringComparison.Ordinal));
        Section(html, "strength: rehearsal").Should().Contain("h1 &#183;").And.NotContain("r1 &#183;");
        Regex.Count(html, "<svg class=\"trend\"").Should().Be(6, "convergence, soak p99 and Phase 4 s/cycle for each of two strengths");
    }

    [Fact]
    public void Converting_a_campaign_rebuilds_the_index_and_its_page_links_back()
    {
        Campaigns.Summary("earlier", 1).Save(Runs);

        s.Convert([new TrxWriter().AllPhases().Save(s.Dir)]).Should().Be(ExitCodes.Pass, s.Log.ToString());

        RowIds().Matches(Index).Select(m => m.Groups[1].Value).Should().BeEquivalentTo("c1", "earlier");
        Index.Should().Contain("<td><a href=\"c1/index.html\">c1</a></td>");
        s.Html.Should().Contain("<a class=\"back\" href=\"../index.html\">");
    }

    [Fact]
    public void Only_the_newest_campaigns_are_listed_so_the_page_stays_under_1_MB()
    {
        var many = Enumerable.Range(1, IndexPage.MaxCampaigns + 10)
            .Select(i => Campaigns.Summary($"c{i:000}", 1 + (i % 28)).Record()).OrderByDescending(c => c.Id, StringComparer.Ordinal).ToList();

        var html = IndexPage.Render(many);

        RowIds().Matches(html).Count.Should().Be(IndexPage.MaxCampaigns);
        html.Should().Contain($"{IndexPage.MaxCampaigns + 10} campaigns, newest first").And.Contain("10 older campaigns are not listed");
        System.Text.Encoding.UTF8.GetByteCount(html).Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public void An_unreadable_summary_is_a_failing_row_naming_why()
    {
        Campaigns.Summary("good", 1).Save(Runs);
        Directory.CreateDirectory(Path.Combine(Runs, "torn"));
        File.WriteAllText(Path.Combine(Runs, "torn", "campaign-summary.json"), "{\"campaign_id\": \"torn\", \"overall_pa");

        RunsIndex.Rebuild(Runs).Should().Be(2);

        Row(Index, "torn").Should().Contain("badge fail").And.Contain("campaign-summary.json unreadable");
    }

    [Fact]
    public void An_index_html_it_did_not_write_is_left_alone()
    {
        Directory.CreateDirectory(Runs);
        File.WriteAllText(Path.Combine(Runs, "index.html"), "<html>someone's own page</html>");
        Campaigns.Summary("one", 1).Save(Runs);

        RunsIndex.Rebuild(Runs).Should().BeNull();

        Index.Should().Be("<html>someone's own page</html>");
    }

    [Fact]
    public void Everything_from_a_summary_is_escaped()
    {
        Campaigns.Summary("x", 1, "<script>alert(1)</script>").Fail("p3.roundtrip.identical", "<img src=x onerror=alert(1)>").Save(Runs);

        RunsIndex.Rebuild(Runs);

        Index.Should().NotContain("<script>alert").And.NotContain("<img src=x").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        Index.Should().NotContain("http://").And.NotContain("https://").And.NotContain("<link");
    }

    /// <summary>From a heading to the next one (or the end).</summary>
    private static string Section(string html, string heading)
    {
        var start = html.IndexOf(heading, StringComparison.Ordinal);
        var end = html.IndexOf("<h3>", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    private static string Row(string html, string id) => RowOf(html, id) ?? throw new InvalidOperationException($"no row {id}");

    private static string? RowOf(string html, string id) =>
        Regex.Match(html, $"<tr class=\"(?:pass|fail)\" data-ref=\"[^\"]*\"><td>(?:<a [^>]*>)?{Regex.Escape(id)}<.*?</tr>") is { Success: true } m
            ? m.Value
            : null;

    [GeneratedRegex("<tr class=\"(?:pass|fail)\" data-ref=\"[^\"]*\"><td>(?:<a [^>]*>)?([^<]+)<")]
    private static partial Regex RowIds();
}
