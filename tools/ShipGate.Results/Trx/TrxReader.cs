using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ShipGate.Results.Model;

namespace ShipGate.Results.Trx;

/// <summary>Reads a VSTest TRX file: joins UnitTestResult.testId to UnitTestDefinition for class and name.</summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static RunRecord Read(string path)
    {
        if (!File.Exists(path)) throw new ResultsInputException($"TRX not found: {path}");
        if (new FileInfo(path).Length == 0) throw new ResultsInputException($"TRX is empty (0 bytes): {path}");
        XDocument doc;
        try
        {
            doc = XDocument.Load(path);
        }
        catch (XmlException e)
        {
            throw new ResultsInputException($"TRX does not parse (truncated or not XML): {path}: {e.Message}");
        }

        return Parse(doc, path);
    }

    public static RunRecord Parse(XDocument doc, string source)
    {
        var root = doc.Root;
        if (root is null || root.Name != Ns + "TestRun")
            throw new ResultsInputException($"not a TRX file (no TestRun element in the VSTest namespace): {source}");

        var definitions = root.Element(Ns + "TestDefinitions")?.Elements(Ns + "UnitTest")
            .Where(u => u.Attribute("id") is not null)
            .GroupBy(u => (string)u.Attribute("id")!)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];

        var tests = new List<TestRecord>();
        foreach (var r in root.Element(Ns + "Results")?.Descendants(Ns + "UnitTestResult") ?? [])
        {
            var id = (string?)r.Attribute("testId") ?? "";
            definitions.TryGetValue(id, out var def);
            var method = def?.Element(Ns + "TestMethod");
            var output = r.Element(Ns + "Output");
            tests.Add(new TestRecord(
                id,
                (string?)r.Attribute("testName") ?? (string?)def?.Attribute("name") ?? id,
                (string?)method?.Attribute("className"),
                (string?)r.Attribute("outcome") ?? "Unknown",
                ParseDuration((string?)r.Attribute("duration")),
                (string?)output?.Element(Ns + "StdOut") ?? "",
                (string?)output?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")));
        }

        var summary = root.Element(Ns + "ResultSummary");
        var times = root.Element(Ns + "Times");
        return new RunRecord(
            source,
            (string?)root.Attribute("id"),
            (string?)summary?.Attribute("outcome") ?? "Unknown",
            tests,
            ParseTime((string?)times?.Attribute("start")),
            ParseTime((string?)times?.Attribute("finish")),
            summary?.Element(Ns + "Counters") is not null,
            summary?.Element(Ns + "Counters")?.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value),
            RunErrors(summary));
    }

    /// <summary>The RunInfos VSTest marked Error (a test host that crashed, a run aborted): each one's outcome and text.</summary>
    private static List<string> RunErrors(XElement? summary) =>
        summary?.Element(Ns + "RunInfos")?.Elements(Ns + "RunInfo")
            .Where(i => (string?)i.Attribute("outcome") is not ("Warning" or "Informational" or "Passed" or "Completed"))
            .Select(i => $"{(string?)i.Attribute("outcome") ?? "no outcome"}: {((string?)i.Element(Ns + "Text") ?? "").Split('\n')[0].Trim()}")
            .ToList() ?? [];

    /// <summary>A duration that does not parse reads as negative: <see cref="Campaign.RunSignals"/> names it.</summary>
    private static TimeSpan ParseDuration(string? text) =>
        text is null ? TimeSpan.Zero : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.MinValue;

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
