using System.Text;
using ShipGate.Results.History;
using ShipGate.Results.Output;

namespace ShipGate.Results.Html;

/// <summary>
/// runs/index.html: every campaign newest first with its identity, verdict, failed facts and key figures, then the
/// trend charts per strength. Static: the ref filter is a few lines of inline script; without it every row shows.
/// </summary>
public static class IndexPage
{
    /// <summary>Failed facts named per row before the rest is counted ("… and 12 more").</summary>
    private const int FactsShown = 6;

    /// <summary>
    /// Campaigns listed (and charted): the newest ones. A row with its charts' points is about 2.5 KB, so this keeps
    /// the page under 1 MB however many campaigns accumulate; older folders and their pages stay where they are.
    /// </summary>
    public const int MaxCampaigns = 250;

    public static string Render(IReadOnlyList<CampaignRecord> all)
    {
        var campaigns = all.Take(MaxCampaigns).ToList();
        var html = Page.Open("ShipGate campaigns", RunsIndex.Generator, "wide");
        var refs = campaigns.Select(c => c.Ref ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append("<h1>ShipGate campaigns</h1><p>").Append(all.Count).Append(" campaign").Append(all.Count == 1 ? "" : "s")
            .Append(", newest first, from each <code>*/campaign-summary.json</code> beside this page; <span id=\"shown\">")
            .Append(campaigns.Count).Append("</span> shown. Figures per node read a · b · c.</p>\n")
            .Append("<form id=\"filter\"><label>ai-memory ref <select id=\"ref\"><option value=\"\">all</option>")
            .Append(string.Concat(refs.Select(r => $"<option value=\"{HtmlReport.E(r)}\">{HtmlReport.E(r.Length == 0 ? "(none)" : r)}</option>")))
            .Append("</select></label></form>\n");

        html.Append("<div class=\"scroll\"><table class=\"grid runs\"><thead><tr>")
            .Append("<th>campaign</th><th>completed</th><th>ai-memory ref</th><th>version</th><th>image id</th>")
            .Append("<th>strength</th><th>verdict</th><th>failed facts</th>")
            .Append(string.Concat(Figure.All.Select(f => $"<th>{HtmlReport.E(f.Label)}{(f.Unit.Length > 0 ? $" ({HtmlReport.E(f.Unit)})" : "")}</th>")))
            .Append("</tr></thead><tbody>\n");
        foreach (var c in campaigns) html.Append(Row(c));
        html.Append("</tbody></table></div>\n");
        if (all.Count > campaigns.Count)
            html.Append("<p class=\"empty\">").Append(all.Count - campaigns.Count).Append(" older campaigns are not listed (the newest ")
                .Append(MaxCampaigns).Append(" are); their folders and pages remain.</p>\n");

        html.Append("<section><h2>Trends</h2>").Append(Trends(campaigns)).Append("</section>\n")
            .Append("<footer>ShipGate runs index · rebuilt whenever a campaign's results are written, ")
            .Append("or with <code>shipgate-results index DIR</code></footer>\n")
            .Append("<script>").Append(FilterScript).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static string Row(CampaignRecord c)
    {
        var row = new StringBuilder($"<tr class=\"{(c.Pass ? "pass" : "fail")}\" data-ref=\"{HtmlReport.E(c.Ref ?? "")}\">");
        // A folder holding only a summary (copied, or written by another tool) has no page to link to.
        row.Append(File.Exists(Path.Combine(c.Folder, ResultsWriter.IndexFile))
                ? $"<td><a href=\"{HtmlReport.E(Page.LinkTo(Path.GetDirectoryName(Path.GetFullPath(c.Folder))!, c.Folder))}\">{HtmlReport.E(c.Id)}</a></td>"
                : $"<td>{HtmlReport.E(c.Id)}</td>")
            .Append(Td(c.CompletedAt?.Replace('T', ' ')))
            .Append(Td(c.Ref)).Append(Td(c.Version))
            .Append("<td class=\"num\" title=\"").Append(HtmlReport.E(c.Image)).Append("\">").Append(HtmlReport.E(c.ShortImageId ?? "—")).Append("</td>")
            .Append(Td(c.Strength ?? "—")).Append("<td>").Append(Page.Badge(c.Pass)).Append("</td>");
        var failed = c.FailedFacts;
        row.Append("<td class=\"facts\">");
        if (c.Error is not null) row.Append(HtmlReport.E(c.Error));
        else if (failed.Count == 0 && !c.Pass) row.Append(HtmlReport.E(c.Reasons.FirstOrDefault() ?? "failed"));
        row.Append(string.Join(", ", failed.Take(FactsShown).Select(f => $"<span title=\"{HtmlReport.E(f.Message)}\">{HtmlReport.E(f.Key)}</span>")));
        if (failed.Count > FactsShown) row.Append(HtmlReport.E($" … and {failed.Count - FactsShown} more"));
        row.Append("</td>");
        foreach (var figure in Figure.All) row.Append(FigureCell(c.Figures.Where(v => v.Figure == figure).ToList()));
        return row.Append("</tr>\n").ToString();
    }

    private static string FigureCell(IReadOnlyList<FigureValue> values) => $"<td class=\"num\">{KeyFigures.Values(values)}</td>";

    private static string Td(string? text) => $"<td>{HtmlReport.E(text ?? "—")}</td>";

    /// <summary>One chart per trend figure and strength, campaigns oldest first, one line per node or fault class.</summary>
    private static string Trends(IReadOnlyList<CampaignRecord> campaigns)
    {
        var html = new StringBuilder();
        foreach (var group in campaigns.Where(c => c.Error is null).GroupBy(c => c.Strength ?? "unstated").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var runs = group.Reverse().ToList();
            html.Append("<h3>strength: ").Append(HtmlReport.E(group.Key)).Append("</h3>");
            foreach (var figure in Figure.All.Where(f => f.Trend))
            {
                var subjects = runs.SelectMany(r => r.Figures.Where(v => v.Figure == figure).Select(v => v.Subject ?? figure.Label)).Distinct().ToList();
                var series = subjects.Select(s => new TrendSeries(s, runs.Select(r =>
                    r.Figures.FirstOrDefault(v => v.Figure == figure && (v.Subject ?? figure.Label) == s)?.Value).ToList())).ToList();
                html.Append(TrendChart.Render(figure.Label, figure.Unit, runs.Select(r => r.Id).ToList(), runs.Select(r => r.Pass).ToList(), series));
            }
        }

        return html.Length == 0 ? "<p class=\"empty\">No campaign yet.</p>" : html.ToString();
    }

    /// <summary>Filters rows by ref; the choice is kept in the address (#ref=…), so a filtered view can be linked.</summary>
    private const string FilterScript =
        "(function(){var s=document.getElementById('ref');function apply(){var v=s.value,n=0;" +
        "document.querySelectorAll('tr[data-ref]').forEach(function(r){r.hidden=v!==''&&r.getAttribute('data-ref')!==v;if(!r.hidden)n++;});" +
        "document.getElementById('shown').textContent=n;}var m=/[#&]ref=([^&]*)/.exec(location.hash);" +
        "if(m)s.value=decodeURIComponent(m[1]);" +
        "s.addEventListener('change',function(){location.replace('#ref='+encodeURIComponent(s.value));apply();});apply();})();";
}
