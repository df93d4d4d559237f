using System.Globalization;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Http;

/// <summary>Query-string reads with serde_urlencoded's verdicts: a value of the wrong type is a plain-text 400.</summary>
public readonly struct QueryArgs(IQueryCollection query)
{
    public string? String(string name) => query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public long? Integer(string name, long min = int.MinValue, long max = int.MaxValue)
    {
        var raw = String(name);
        if (raw is null) return null;
        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Rejection.BadQuery($"{name}: invalid digit found in string");
    }

    public string? Tier(string name = "tier")
    {
        var raw = String(name);
        return raw is null || Tiers.IsValid(raw) ? raw
            : throw Rejection.BadQuery($"{name}: unknown variant `{raw}`, expected one of `short`, `mid`, `long`");
    }
}
