using System.Globalization;

namespace AiMemory.Reference.Model;

/// <summary>RFC 3339 the way chrono's to_rfc3339() writes it: UTC, "+00:00", 9 fractional digits.
/// Stored timestamps are compared as strings, so every timestamp we write has the same width.</summary>
public static class Timestamps
{
    public static Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public static string Now() => Format(Clock());

    public static string Format(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond; // 100 ns units
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + "." + (ticks * 100).ToString("D9", CultureInfo.InvariantCulture) + "+00:00";
    }

    public static bool TryParse(string? s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        && s!.Length >= 19 && s[4] == '-' && (s[10] == 'T' || s[10] == 't' || s[10] == ' ');
}
