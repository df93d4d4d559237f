using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Html;

/// <summary>Inline SVG: per fault class, ok and each node's count per cycle.</summary>
public static class Charts
{
    private const int W = 560, H = 150, L = 40, R = 10, T = 10, B = 24;

    private static readonly (string Key, string Label, string Color)[] Series =
    [
        ("ok", "ok (201)", "#9ca3af"),
        ("count_node0", "node-0", "#2563eb"),
        ("count_node1", "node-1", "#16a34a"),
        ("count_node2", "node-2", "#d97706"),
    ];

    public static string ChaosCycles(JsonObject? evidence)
    {
        var html = new StringBuilder();
        foreach (var c in J.Array(evidence, "classes").Where(c => J.Bool(c, "enabled") != false))
        {
            var cycles = J.Array(c, "cycles").Where(x => x is not null).ToList();
            if (cycles.Count == 0) continue;
            // The y axis spans the data (padded), so a one-write dip on one node stays visible.
            var values = cycles.SelectMany(x => Series.Select(s => J.Int(x, s.Key))).ToList();
            var max = Math.Max(1, values.Max());
            var min = Math.Max(0, values.Min() - Math.Max(2, (max - values.Min()) / 10));
            var svg = new StringBuilder($"<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\">");
            svg.Append($"<rect x=\"{L}\" y=\"{T}\" width=\"{W - L - R}\" height=\"{H - T - B}\" fill=\"#fafafa\" stroke=\"#e5e7eb\"/>");
            svg.Append($"<text x=\"{L - 4}\" y=\"{T + 9}\" font-size=\"10\" text-anchor=\"end\">{max}</text><text x=\"{L - 4}\" y=\"{H - B}\" "
                + $"font-size=\"10\" text-anchor=\"end\">{min}</text>");
            svg.Append($"<text x=\"{L}\" y=\"{H - 8}\" font-size=\"10\">cycle 1</text><text x=\"{W - R}\" y=\"{H - 8}\" font-size=\"10\" "
                + $"text-anchor=\"end\">cycle {cycles.Count}</text>");
            foreach (var (key, _, color) in Series)
            {
                var points = cycles.Select((x, i) => $"{X(i, cycles.Count)},{Y(J.Int(x, key), min, max)}");
                svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{string.Join(" ", points)}\"/>");
            }

            var legend = string.Join(" ", Series.Select(s => $"<span style=\"color:{s.Color}\">&#x25A0;</span> {HtmlReport.E(s.Label)}"));
            html.Append("<figure>").Append(svg.Append("</svg>")).Append("<figcaption>")
                .Append(HtmlReport.E($"{J.Str(c, "fault")}: per-cycle counts over {cycles.Count} cycles (y axis {min}–{max}); "))
                .Append(legend).Append("</figcaption></figure>");
        }

        return html.ToString();
    }

    private static string X(int i, int n) => (L + (n == 1 ? 0 : (double)i / (n - 1) * (W - L - R))).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Y(int v, int min, int max) =>
        (H - B - (double)(v - min) / Math.Max(1, max - min) * (H - T - B)).ToString("0.#", CultureInfo.InvariantCulture);
}
