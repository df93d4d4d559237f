using System.Text;
using ShipGate.Results.History;

namespace ShipGate.Results.Html;

/// <summary>A campaign's key figures (<see cref="Figure.All"/>), as the campaign page opens with them and the index shows them per row.</summary>
public static class KeyFigures
{
    public static string Render(CampaignRecord campaign)
    {
        var html = new StringBuilder("<div class=\"keyfig\">");
        foreach (var figure in Figure.All)
        {
            var values = campaign.Figures.Where(v => v.Figure == figure).ToList();
            html.Append("<div><b>").Append(HtmlReport.E(figure.Label)).Append(figure.Unit.Length > 0 ? HtmlReport.E($" ({figure.Unit})") : "").Append("</b>")
                .Append("<span>").Append(Values(values)).Append("</span></div>");
        }

        return html.Append("</div><p class=\"sub\">Per node: a · b · c. Each figure as the gate recorded it (campaign-summary.json).</p>").ToString();
    }

    /// <summary>Per-node values inline (a · b · c), per-class values one per line with the class named; — when there is none.</summary>
    public static string Values(IReadOnlyList<FigureValue> values)
    {
        if (values.Count == 0) return "—";
        var perNode = values.All(v => v.Subject is null || v.Subject.StartsWith("node-", StringComparison.Ordinal));
        var parts = values.Select(v => perNode
            ? $"<span title=\"{HtmlReport.E(v.Name)}\">{HtmlReport.E(v.Figure.Number(v.Value))}</span>"
            : $"<span class=\"sub\">{HtmlReport.E(v.Subject)}</span> {HtmlReport.E(v.Figure.Number(v.Value))}");
        return string.Join(perNode ? " · " : "<br>", parts);
    }
}
