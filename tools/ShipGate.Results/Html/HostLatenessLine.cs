using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Html;

/// <summary>
/// One line under Phase 2: the test host's own lateness over the soak (its heartbeat's largest delay and stalls),
/// beside each node's p99 and the host stall while it timed that node's slowest answers. Empty when not recorded.
/// </summary>
public static class HostLatenessLine
{
    public static string Of(JsonObject json)
    {
        if (J.At(json, "soak", "host_lateness") is not JsonObject host || J.Num(host, "max_ms") is not { } max) return "";
        var stalls = J.Array(host, "largest_stalls").Select(s => $"{Ms(J.Num(s, "late_ms"))} at {J.Num(s, "at_seconds") ?? 0:0.0} s").ToList();
        var nodes = J.Array(json, "soak", "nodes")
            .Select(n => $"{J.Str(n, "node")} p99 {Ms(J.Num(n, "p99_ms"))} (host stall then {Ms(J.Num(n, "host_stall_at_p99_ms"))})");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Test host lateness over the soak: max {Ms(max)} over {J.Num(host, "beats"):0} beats of {J.Num(host, "beat_ms"):0} ms, " +
            $"{J.Num(host, "stall_count"):0} stall(s) ≥ 50 ms{(stalls.Count > 0 ? $" (largest: {string.Join(", ", stalls)})" : "")}; "
                + $"{string.Join("; ", nodes)}");
        return $"<p class=\"host\">{HtmlReport.E(text)}</p>";
    }

    private static string Ms(double? ms) => ms is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0} ms") : "—";
}
