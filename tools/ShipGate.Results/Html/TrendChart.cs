using System.Globalization;
using System.Text;
using ShipGate.Results.History;

namespace ShipGate.Results.Html;

/// <summary>One line of a trend chart: a node or fault class, its value per campaign (null where the campaign lacks it).</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// Inline SVG: a figure across campaigns, oldest left. Each point is a circle titled with its campaign and value;
/// a campaign that failed is marked on the x axis in red, so a jump can be read against the verdicts.
/// </summary>
public static class TrendChart
{
    private const int W = 460, H = 170, L = 52, R = 12, T = 12, B = 26;

    private static readonly string[] Palette = ["#2563eb", "#16a34a", "#d97706", "#7c3aed", "#db2777", "#0891b2"];

    public static string Render(string caption, string unit, IReadOnlyList<string> campaigns, IReadOnlyList<bool> passed, IReadOnlyList<TrendSeries> series)
    {
        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        if (values.Count == 0) return "";
        var max = values.Max();
        var min = Math.Min(0, values.Min());
        if (max <= min) max = min + 1;
        var n = campaigns.Count;
        var svg = new StringBuilder($"<svg class=\"trend\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\"")
            .Append($" aria-label=\"{HtmlReport.E(caption)}\">");
        svg.Append($"<rect x=\"{L}\" y=\"{T}\" width=\"{W - L - R}\" height=\"{H - T - B}\" fill=\"#fafafa\" stroke=\"#e5e7eb\"/>");
        svg.Append($"<text x=\"{L - 4}\" y=\"{T + 9}\" font-size=\"10\" text-anchor=\"end\">{HtmlReport.E(Figure.Format(max))} {HtmlReport.E(unit)}</text>");
        svg.Append($"<text x=\"{L - 4}\" y=\"{H - B}\" font-size=\"10\" text-anchor=\"end\">{HtmlReport.E(Figure.Format(min))}</text>");
        svg.Append($"<text x=\"{L}\" y=\"{H - 8}\" font-size=\"10\">{HtmlReport.E(campaigns[0])}</text>");
        if (n > 1) svg.Append($"<text x=\"{W - R}\" y=\"{H - 8}\" font-size=\"10\" text-anchor=\"end\">{HtmlReport.E(campaigns[^1])}</text>");
        for (var i = 0; i < n; i++)
        {
            if (passed[i]) continue;
            svg.Append($"<rect class=\"failed-run\" x=\"{X(i, n)}\" y=\"{H - B - 3}\" width=\"3\" height=\"6\" fill=\"#b91c1c\">")
                .Append($"<title>{HtmlReport.E(campaigns[i])}: FAIL</title></rect>");
        }

        var legend = new StringBuilder();
        for (var k = 0; k < series.Count; k++)
        {
            var (s, color) = (series[k], Palette[k % Palette.Length]);
            var points = s.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            svg.Append($"<polyline class=\"series\" data-series=\"{HtmlReport.E(s.Name)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"")
                .Append(string.Join(" ", points.Select(p => $"{X(p.i, n)},{Y(p.v!.Value, min, max)}"))).Append("\"/>");
            foreach (var (v, i) in points)
            {
                svg.Append($"<circle cx=\"{X(i, n)}\" cy=\"{Y(v!.Value, min, max)}\" r=\"2.5\" fill=\"{color}\">")
                    .Append($"<title>{HtmlReport.E($"{campaigns[i]} · {s.Name}: {Figure.Format(v.Value)} {unit}".TrimEnd())}</title></circle>");
            }

            legend.Append($" <span style=\"color:{color}\">&#x25A0;</span> ").Append(HtmlReport.E(s.Name));
        }

        var text = HtmlReport.E($"{caption} over {n} campaign{(n == 1 ? "" : "s")}, oldest left;");
        return $"<figure class=\"trend\">{svg}</svg><figcaption>{text}{legend}</figcaption></figure>";
    }

    private static string X(int i, int n) => (L + 6 + (n == 1 ? 0 : (double)i / (n - 1) * (W - L - R - 12))).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Y(double v, double min, double max) =>
        (H - B - (v - min) / (max - min) * (H - T - B)).ToString("0.#", CultureInfo.InvariantCulture);
}
