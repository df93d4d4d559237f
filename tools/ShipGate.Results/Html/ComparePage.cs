using System.Text;
using ShipGate.Results.History;

namespace ShipGate.Results.Html;

/// <summary>The compare page: the two campaigns, flipped facts with both messages, moved figures, differing settings and images.</summary>
public static class ComparePage
{
    public static string Render(CampaignComparison c, string pageDir)
    {
        var regression = c.Regressions.Count > 0;
        var html = Page.Open($"ShipGate compare {c.A.Id} → {c.B.Id}{(regression ? " — REGRESSION" : "")}");
        var index = Path.Combine(RunsIndex.RunsDirOf(c.B.Folder), RunsIndex.File);
        if (Path.GetFullPath(Path.GetDirectoryName(index)!) == Path.GetFullPath(pageDir))
            html.Append("<nav><a class=\"back\" href=\"").Append(RunsIndex.File).Append("\">&#x2190; all campaigns</a></nav>");
        html.Append("<h1>Compare ").Append(HtmlReport.E(c.A.Id)).Append(" &#x2192; ").Append(HtmlReport.E(c.B.Id)).Append("</h1>")
            .Append(regression
                ? $"<p class=\"verdict bad\">Regression: {c.Regressions.Count} fact(s) green in A are red or missing in B.</p>"
                : "<p class=\"verdict ok\">No fact that was green in A is red in B.</p>");

        html.Append("<table class=\"grid campaigns\"><tr><th></th><th>campaign</th><th>ai-memory ref</th><th>version</th><th>image id</th>")
            .Append("<th>strength</th><th>verdict</th></tr>");
        foreach (var (tag, r) in new[] { ("A", c.A), ("B", c.B) })
        {
            html.Append("<tr><th>").Append(tag).Append("</th><td><a href=\"").Append(HtmlReport.E(Page.LinkTo(pageDir, r.Folder))).Append("\">")
                .Append(HtmlReport.E(r.Id)).Append("</a></td>").Append(Td(r.Ref)).Append(Td(r.Version)).Append(Td(r.ShortImageId))
                .Append(Td(r.Strength)).Append("<td>").Append(Page.Badge(r.Pass)).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>Facts that flipped (").Append(c.Flipped.Count).Append(")</h2>");
        html.Append(Table("flipped", ["fact", "change", "message in A", "message in B"], c.Flipped.Select(f => (f.Regression ? "fail" : "pass",
            new[] { f.Key, f.Kind, f.A?.Message ?? "(absent)", f.B?.Message ?? "(absent)" }))));

        html.Append("<h2>Figures beyond their noise band (").Append(c.Moved.Count).Append(")</h2>");
        html.Append(Table("moved", ["figure", "A", "B", "change", "noise band"], c.Moved.Select(m => (m.Worse ? "worse" : "better",
            new[] { m.Name, m.Figure.Text(m.A), m.Figure.Text(m.B), (m.Worse ? "worse" : "better") + m.Change, m.Figure.Band.ToString() }))));
        html.Append("<details><summary>Noise bands</summary>")
            .Append(Table("bands", ["figure", "moved only beyond"], Figure.All.Select(f => ("", new[] { f.Label, f.Band.ToString() })))).Append("</details>");

        html.Append("<h2>Settings that differ (").Append(c.Settings.Count).Append(")</h2>")
            .Append(Table("settings", ["setting", "A", "B"], c.Settings.Select(d => ("", new[] { d.Name, d.A ?? "(absent)", d.B ?? "(absent)" }))));
        html.Append("<h2>Images that differ (").Append(c.Images.Count).Append(")</h2>")
            .Append(Table("images", ["", "A", "B"], c.Images.Select(d => ("", new[] { d.Name, d.A ?? "—", d.B ?? "—" }))));
        return html.Append("<footer>ShipGate compare · <code>shipgate-results compare</code> exits 1 when B has a red fact A had green</footer>\n")
            .Append("</body></html>\n").ToString();
    }

    private static string Table(string id, string[] head, IEnumerable<(string Class, string[] Cells)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return $"<p class=\"none\" id=\"{id}\">none</p>";
        var html = new StringBuilder($"<table class=\"grid\" id=\"{id}\"><tr>{string.Concat(head.Select(h => $"<th>{HtmlReport.E(h)}</th>"))}</tr>");
        foreach (var (cls, cells) in list)
            html.Append($"<tr class=\"{cls}\">").Append(string.Concat(cells.Select(x => $"<td>{HtmlReport.E(x)}</td>"))).Append("</tr>");
        return html.Append("</table>").ToString();
    }

    private static string Td(string? text) => $"<td>{HtmlReport.E(text ?? "—")}</td>";
}
