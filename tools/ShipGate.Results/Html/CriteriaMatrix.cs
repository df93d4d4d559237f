using System.Text;
using System.Text.Json.Nodes;
using ShipGate.Contract.Criteria;
using ShipGate.Results.History;
using ShipGate.Results.Model;

namespace ShipGate.Results.Html;

/// <summary>
/// Criteria × nodes or fault classes, one table per phase and one line per catalog row: ✓ passed, ✗ failed or
/// missing, – not run. A once-row is one cell across the columns. Each cell's title holds the fact's message.
/// </summary>
public static class CriteriaMatrix
{
    public static string Render(CampaignRecord campaign)
    {
        var facts = campaign.Facts.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var present = J.Array(campaign.Summary, "phases").Select(p => J.Int(p, "phase")).ToHashSet();
        var notRun = J.Array(campaign.Summary, "not_run_fault_classes").Select(x => x?.ToString()).ToHashSet();
        var html = new StringBuilder("<section class=\"glance\"><h2>Criteria at a glance</h2>");
        foreach (var phase in CriteriaCatalog.Phases)
        {
            var rows = CriteriaCatalog.Of(phase).ToList();
            if (!present.Contains(phase))
            {
                html.Append("<p class=\"empty\">Phase ").Append(phase).Append(": no result in this campaign.</p>");
                continue;
            }

            var columns = Columns(rows);
            html.Append("<table class=\"grid matrix\" data-phase=\"").Append(phase).Append("\">")
                .Append("<caption>Phase ").Append(phase).Append("</caption><tr><th>criterion</th>")
                .Append(string.Concat(columns.Select(c => $"<th>{HtmlReport.E(c ?? "result")}</th>"))).Append("</tr>");
            foreach (var row in rows)
            {
                html.Append("<tr><td>").Append(HtmlReport.E(row.Label)).Append("</td>");
                if (row.Scope == Scope.Once) html.Append(Cell(Find(facts, row, null), columns.Count, false));
                else foreach (var column in columns) html.Append(Cell(Find(facts, row, column), 1, column is not null && notRun.Contains(column)));
                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        return html.Append("</section>\n").ToString();
    }

    /// <summary>Nodes for a phase with per-node rows, fault classes for one with per-class rows, one column otherwise.</summary>
    private static List<string?> Columns(IReadOnlyList<Criterion> rows)
    {
        var columns = new List<string?>();
        if (rows.Any(r => r.Scope == Scope.PerNode)) columns.AddRange(Topology.Nodes);
        if (rows.Any(r => r.Scope == Scope.PerFaultClass)) columns.AddRange(Topology.AllFaults);
        return columns.Count == 0 ? [null] : columns;
    }

    /// <summary>The fact by its key, or by its display name when it failed without an evidence line.</summary>
    private static FactState? Find(Dictionary<string, FactState> facts, Criterion row, string? arg) =>
        facts.GetValueOrDefault(row.Key(arg)) ?? facts.GetValueOrDefault(row.DisplayName(arg));

    private static string Cell(FactState? fact, int span, bool optInNotRun)
    {
        var (cls, mark, title) = fact switch
        {
            { Passed: true } => ("pass", "&#x2713;", fact.Message),
            { Failed: true } => ("fail", "&#x2717;", fact.Message),
            not null => ("notrun", "&#x2013;", fact.Message ?? "not run"),
            null when optInNotRun => ("notrun", "&#x2013;", "opt-in fault class not enabled"),
            _ => ("missing", "&#x2717;", "missing from the test results"),
        };
        var colspan = span > 1 ? $" colspan=\"{span}\"" : "";
        return $"<td class=\"cell {cls}\"{colspan} title=\"{HtmlReport.E(title)}\">{mark}</td>";
    }
}
