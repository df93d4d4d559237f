using System.Text.RegularExpressions;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>The campaign page at a glance: key figures, then one matrix line per criterion; the per-fact list folded per phase.</summary>
public sealed class CampaignPageTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void The_matrix_has_one_line_per_criterion_and_marks_each_node_and_class()
    {
        s.Convert([new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir)]);
        var html = s.Html;

        foreach (var phase in CriteriaCatalog.Phases)
            Regex.Count(Matrix(html, phase), "<tr><td>").Should().Be(CriteriaCatalog.Of(phase).Count(), $"phase {phase} has one line per catalog row");
        var holds = Line(Matrix(html, 2), "holds ≥ 95% of acknowledged writes");
        Regex.Matches(holds, "class=\"cell (\\w+)\"").Select(m => m.Groups[1].Value).Should().Equal("pass", "pass", "fail");
        holds.Should().Contain("node-c holds 146/200 acknowledged (&lt; 95%)").And.Contain("missing 54");
        Line(Matrix(html, 2), "burst gets ≥ 95% 201").Should().Contain("colspan=\"3\"");
        Regex.Matches(Line(Matrix(html, 4), "Σok &gt; 0"), "class=\"cell (\\w+)\"").Select(m => m.Groups[1].Value)
            .Should().Equal("pass", "pass", "notrun", "notrun");
    }

    [Fact]
    public void Key_figures_and_the_matrix_come_before_the_folded_fact_lists()
    {
        s.Convert([new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir)]);
        var html = s.Html;

        html.IndexOf("class=\"keyfig\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("class=\"grid matrix\"", StringComparison.Ordinal));
        html.IndexOf("class=\"grid matrix\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<ul class=\"checks\">", StringComparison.Ordinal));
        html.Should().Contain("<section class=\"phase\"><details><summary><h2>Phase 1")
            .And.Contain("<section class=\"phase\"><details open><summary><h2>Phase 2", "a phase that did not pass opens unfolded");
        var killCycle = s.Json("phase4.json")["faults"]!.AsArray()
            .Single(f => (string?)f!["fault"] == "kill_primary_mid_write")!["mean_cycle_ms"]!.GetValue<double>() / 1000;
        html.Should().Contain("<b>Phase 4 seconds per cycle (s)</b><span><span class=\"sub\">kill_primary_mid_write</span> "
            + ShipGate.Results.History.Figure.Format(killCycle), "the run's own mean kill cycle is a key figure");
    }

    [Fact]
    public void A_fact_missing_from_the_results_is_a_red_cell_saying_so()
    {
        var path = new TrxWriter().AllPhases().Save(s.Dir);
        var drop = CriteriaCatalog.Fact("p4.kill_primary_mid_write.liveness").DisplayName;
        var doc = System.Xml.Linq.XDocument.Load(path);
        System.Xml.Linq.Extensions.Remove(doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string?)e.Attribute("testName") == drop));
        doc.Save(path);

        s.Convert([path]).Should().Be(ExitCodes.CampaignFailed);

        Line(Matrix(s.Html, 4), "every serve the fault did not kill")
            .Should().Contain("<td class=\"cell missing\" title=\"missing from the test results\">&#x2717;</td>");
    }

    private static string Matrix(string html, int phase) =>
        Regex.Match(html, $"<table class=\"grid matrix\" data-phase=\"{phase}\">.*?</table>").Value;

    private static string Line(string table, string label) =>
        Regex.Match(table, $"<tr><td>{Regex.Escape(label)}[^<]*</td>.*?</tr>").Value is { Length: > 0 } line
            ? line
            : throw new InvalidOperationException($"no line {label}");
}
