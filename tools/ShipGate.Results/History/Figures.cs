using System.Globalization;
using System.Text.Json.Nodes;
using ShipGate.Contract.Criteria;
using ShipGate.Results.Model;

namespace ShipGate.Results.History;

/// <summary>
/// How far a figure may move between two campaigns before compare calls it moved: more than <see cref="Relative"/>
/// of A's value and more than <see cref="Absolute"/> (in the figure's unit). Both must be exceeded, so a 2 ms p99
/// doubling to 4 ms is noise, and so is a large figure wobbling by a few percent.
/// </summary>
public sealed record NoiseBand(double Relative, double Absolute, string Unit)
{
    public bool Moved(double a, double b) => Math.Abs(b - a) > Math.Max(Relative * Math.Abs(a), Absolute);

    public override string ToString() => Relative > 0
        ? $"±{Relative * 100:0} % and at least {Figure.Format(Absolute)} {Unit}".TrimEnd()
        : $"at least {Figure.Format(Absolute)} {Unit}".TrimEnd();
}

/// <summary>One value of a figure in one campaign: the node or fault class it is of (null for once-figures).</summary>
public sealed record FigureValue(Figure Figure, string? Subject, double Value)
{
    public string Name => Subject is null ? Figure.Label : $"{Figure.Label} · {Subject}";
}

/// <summary>
/// A key figure of a campaign, one row each: where it lives in the campaign summary, its unit, its noise band,
/// which direction is worse, and whether the index draws its trend. The index columns, the campaign page's key
/// figures and compare all read these rows.
/// </summary>
public sealed record Figure(string Key, string Label, string Unit, NoiseBand Band, bool HigherIsWorse, bool Trend,
    Func<JsonObject, IEnumerable<(string? Subject, double? Value)>> Read)
{
    /// <summary>Phase 2 convergence is polled, so its resolution is the poll interval; a few hundred ms is noise.</summary>
    public static readonly NoiseBand ConvergeBand = new(0.20, 250, "ms");

    /// <summary>Soak p99 on a shared machine: ±20 % and at least 50 ms before a latency counts as moved.</summary>
    public static readonly NoiseBand LatencyBand = new(0.20, 50, "ms");

    /// <summary>Anonymous memory over the soak swings by a few MiB with the allocator's arenas.</summary>
    public static readonly NoiseBand MemoryBand = new(0.20, 8, "MiB");

    public static readonly NoiseBand CycleBand = new(0.20, 0.5, "s");

    /// <summary>The bound is written with three decimals (floored), so any change there is a real one.</summary>
    public static readonly NoiseBand BoundBand = new(0, 0.0005, "");

    public static readonly NoiseBand WallBand = new(0.20, 10, "s");

    public static readonly IReadOnlyList<Figure> All =
    [
        new("p2.converge", "Phase 2 time to converge", "ms", ConvergeBand, true, true,
            s => Topology.Nodes.Select(n => ((string?)n, J.Num(Phase(s, 2), "time_to_converge_ms", n[^1..])))),
        new("p2.soak.p99", "soak p99", "ms", LatencyBand, true, true,
            s => SoakNodes(s).Select(n => (J.Str(n, "node"), J.Num(n, "p99_ms")))),
        new("p2.soak.memory", "soak memory growth", "MiB", MemoryBand, true, false,
            s => SoakNodes(s).Select(n => (J.Str(n, "node"), J.Num(n, "memory_growth_bytes") is { } b ? Math.Round(b / (1024.0 * 1024), 1) : (double?)null))),
        new("p4.cycle", "Phase 4 seconds per cycle", "s", CycleBand, true, true,
            s => J.Array(Phase(s, 4), "faults").Select(f => (J.Str(f, "fault"), J.Num(f, "mean_cycle_ms") / 1000))),
        new("p4.bound", "Phase 4 convergence bound", "", BoundBand, false, false,
            s => (J.At(Phase(s, 4), "convergence_by_fault") as JsonObject ?? []).Select(kv => ((string?)kv.Key, J.Num(kv.Value)))),
        new("wall", "wall time", "s", WallBand, true, false, s => [(null, J.Num(s, "wall_seconds"))]),
    ];

    /// <summary>The figure's values in a campaign; a node or class the summary holds no number for has none.</summary>
    public IReadOnlyList<FigureValue> Of(JsonObject summary) =>
        Read(summary).Where(x => x.Value is not null).Select(x => new FigureValue(this, x.Subject, x.Value!.Value)).ToList();

    public string Number(double value) => Unit.Length == 0 ? value.ToString("0.000", CultureInfo.InvariantCulture) : Format(value);

    public string Text(double value) => $"{Number(value)} {Unit}".TrimEnd();

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) is > 0 and < 0.01 ? "0.####" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>The phase's JSON as the summary copies it (phase 1 has one per node; phases 2–4 one each).</summary>
    public static JsonObject? Phase(JsonObject summary, int phase) =>
        J.Array(summary, "phases").OfType<JsonObject>().FirstOrDefault(p => J.Num(p, "phase") == phase);

    private static IEnumerable<JsonNode?> SoakNodes(JsonObject s) => J.Array(Phase(s, 2), "soak", "nodes").Where(n => n is not null);
}
