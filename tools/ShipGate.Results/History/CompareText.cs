namespace ShipGate.Results.History;

/// <summary>compare's printed form: what a release engineer reads in the terminal before opening the page.</summary>
public static class CompareText
{
    public static void Write(CampaignComparison c, TextWriter o)
    {
        o.WriteLine($"shipgate compare: A = {c.A.Id} → B = {c.B.Id}");
        foreach (var (tag, r) in new[] { ("A", c.A), ("B", c.B) })
        {
            o.WriteLine($"  {tag}: {r.Id} · ref {r.Ref ?? "—"} · {r.Version ?? "—"} · image {r.ShortImageId ?? "—"}" +
                $" · strength {r.Strength ?? "—"} · {(r.Pass ? "PASS" : "FAIL")}");
        }


        o.WriteLine($"facts flipped: {c.Flipped.Count} ({c.Regressions.Count} green in A, red or missing in B)");
        foreach (var f in c.Flipped)
        {
            o.WriteLine($"  {(f.Regression ? "✗" : f.B?.Passed == true ? "✓" : "·")} {f.Key}: {f.Kind}");
            o.WriteLine($"      A: {f.A?.Message ?? "(absent)"}");
            o.WriteLine($"      B: {f.B?.Message ?? "(absent)"}");
        }

        o.WriteLine($"figures beyond their noise band: {c.Moved.Count}");
        foreach (var m in c.Moved)
            o.WriteLine($"  {(m.Worse ? "worse " : "better")} {m.Name}: {m.Figure.Text(m.A)} → {m.Figure.Text(m.B)}{m.Change}  [band {m.Figure.Band}]");
        o.WriteLine("noise bands: " + string.Join("; ", Figure.All.Select(f => $"{f.Label} {f.Band}")));

        o.WriteLine($"settings that differ: {c.Settings.Count}");
        foreach (var d in c.Settings) o.WriteLine($"  {d.Name}: {d.A ?? "(absent)"} → {d.B ?? "(absent)"}");
        o.WriteLine($"images that differ: {c.Images.Count}");
        foreach (var d in c.Images) o.WriteLine($"  {d.Name}: {d.A ?? "—"} → {d.B ?? "—"}");

        o.WriteLine(c.Regressions.Count == 0
            ? "verdict: no fact that was green in A is red in B"
            : $"verdict: REGRESSION: {c.Regressions.Count} fact(s) green in A are red or missing in B: {string.Join(", ", c.Regressions.Select(r => r.Key))}");
    }
}
