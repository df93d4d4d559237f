namespace ShipGate.Results.History;

/// <summary>A fact whose status differs between A and B (matched by criterion key); <see cref="B"/> null when B lacks it.</summary>
public sealed record FactChange(string Key, FactState? A, FactState? B)
{
    /// <summary>Green in A and red in B, or green in A and absent from B (a campaign missing a fact is red for it).</summary>
    public bool Regression => A?.Passed == true && (B is null || B.Failed);

    public string Kind => (A, B) switch
    {
        ({ Passed: true }, null) => "passed → missing",
        (null, _) => $"new in B, {B!.Status}",
        _ => $"{A.Status} → {B!.Status}",
    };
}

/// <summary>A figure that moved beyond its noise band from A to B.</summary>
public sealed record FigureMove(Figure Figure, string? Subject, double A, double B)
{
    public string Name => Subject is null ? Figure.Label : $"{Figure.Label} · {Subject}";

    public bool Worse => Figure.HigherIsWorse ? B > A : B < A;

    public string Change => A == 0 ? "" : $" ({(B - A) / Math.Abs(A) * 100:+0;-0} %)";
}

/// <summary>Something that names the campaign's setup (a setting, the image) and differs between A and B.</summary>
public sealed record Difference(string Name, string? A, string? B);

/// <summary>
/// Campaign A against campaign B: facts that flipped (passed in one, failed in the other), figures beyond their
/// noise band, settings and images that differ. <see cref="Regressions"/> is what makes compare exit non-zero.
/// </summary>
public sealed record CampaignComparison(CampaignRecord A, CampaignRecord B, IReadOnlyList<FactChange> Flipped,
    IReadOnlyList<FigureMove> Moved, IReadOnlyList<Difference> Settings, IReadOnlyList<Difference> Images)
{
    public IReadOnlyList<FactChange> Regressions => Flipped.Where(f => f.Regression).ToList();

    public static CampaignComparison Of(CampaignRecord a, CampaignRecord b)
    {
        var inB = b.Facts.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var inA = a.Facts.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var flipped = a.Facts.Select(f => new FactChange(f.Key, f, inB.GetValueOrDefault(f.Key)))
            .Where(c => c.B is null ? c.A!.Passed : c.A!.Passed != c.B.Passed && (c.A.Failed || c.B.Failed))
            .Concat(b.Facts.Where(f => f.Failed && !inA.ContainsKey(f.Key)).Select(f => new FactChange(f.Key, null, f)))
            .OrderByDescending(c => c.Regression).ThenBy(c => c.A?.Phase ?? c.B!.Phase).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

        var moved = (from fa in a.Figures
                     join fb in b.Figures on (fa.Figure, fa.Subject) equals (fb.Figure, fb.Subject)
                     where fa.Figure.Band.Moved(fa.Value, fb.Value)
                     select new FigureMove(fa.Figure, fa.Subject, fa.Value, fb.Value)).ToList();

        return new CampaignComparison(a, b, flipped, moved, Differ(SettingsOf(a), SettingsOf(b)), Differ(ImagesOf(a), ImagesOf(b)));
    }

    /// <summary>
    /// Per setting, the value compared and the text shown (value and layer): a setting that kept its value but came
    /// from another layer is no difference.
    /// </summary>
    private static Dictionary<string, (string? Value, string? Shown)> SettingsOf(CampaignRecord c) =>
        c.Settings.GroupBy(s => s.Name).Select(g => g.First())
            .ToDictionary(s => s.Name, s => (s.Value, (string?)$"{s.Value ?? "(unset)"}{(s.Source is null ? "" : $" ({s.Source})")}"));

    private static Dictionary<string, (string? Value, string? Shown)> ImagesOf(CampaignRecord c) =>
        new (string, string?)[]
        {
            ("version", c.Version), ("image", c.Image), ("image id", c.ImageId), ("strength", c.Strength), ("system under test", c.SutKind),
        }
            .ToDictionary(x => x.Item1, x => (x.Item2, x.Item2));

    private static List<Difference> Differ(Dictionary<string, (string? Value, string? Shown)> a, Dictionary<string, (string? Value, string? Shown)> b) =>
        a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k).Value != b.GetValueOrDefault(k).Value)
            .Select(k => new Difference(k, a.GetValueOrDefault(k).Shown, b.GetValueOrDefault(k).Shown)).ToList();
}
