using System.Globalization;
using System.Xml.Linq;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>What a child run's TRX says: when the run started and each fact's outcome, times and message.</summary>
public sealed record TrxReport(DateTimeOffset RunStart, DateTimeOffset RunFinish, IReadOnlyList<TrxResult> Results)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The TRX at the path, or null when the run never wrote one (e.g. it was interrupted).</summary>
    public static TrxReport? TryLoad(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return null;
        var doc = XDocument.Load(path);
        var times = doc.Root?.Element(Ns + "Times");
        var results = doc.Descendants(Ns + "UnitTestResult").Select(r => new TrxResult(
            (string?)r.Attribute("testName") ?? "",
            (string?)r.Attribute("outcome") ?? "",
            TimeSpan.Parse((string?)r.Attribute("duration") ?? "0", CultureInfo.InvariantCulture),
            Time(r.Attribute("startTime")),
            Time(r.Attribute("endTime")),
            (string?)r.Descendants(Ns + "Message").FirstOrDefault(),
            (string?)r.Descendants(Ns + "StdOut").FirstOrDefault())).ToList();
        return new TrxReport(Time(times?.Attribute("start")), Time(times?.Attribute("finish")), results);
    }

    public TrxResult? Find(string testName) => Results.FirstOrDefault(r => r.TestName == testName);

    public int Count(string outcome) => Results.Count(r => r.Outcome == outcome);

    private static DateTimeOffset Time(XAttribute? a) =>
        a is null ? default : DateTimeOffset.Parse(a.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

public sealed record TrxResult(
    string TestName, string Outcome, TimeSpan Duration, DateTimeOffset Start, DateTimeOffset End, string? Message, string? StdOut)
{
    public bool Failed => Outcome == "Failed";

    public bool Passed => Outcome == "Passed";
}
