using System.Globalization;
using System.Xml.Linq;

namespace ShipGate.Results.Tests.Support;

/// <summary>A tiny TRX writer: the elements and attributes VSTest's TRX logger writes and the converter reads.</summary>
public sealed class TrxWriter
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly List<(string Name, string Outcome, string StdOut, string? Error, double Seconds)> results = [];

    public string RunOutcome { get; set; } = "Completed";

    public string RunId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>False: no ResultSummary counters, as a TRX cut short before VSTest closed it.</summary>
    public bool Counted { get; set; } = true;

    public TrxWriter Add(string name, string outcome, string stdout = "", string? error = null, double seconds = 0.01)
    {
        results.Add((name, outcome, stdout, error, seconds));
        return this;
    }

    /// <summary>Drops the result of that name (to replace it with a crafted one).</summary>
    public TrxWriter Without(string name)
    {
        results.RemoveAll(r => r.Name == name);
        return this;
    }

    public XDocument Build()
    {
        var listId = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
        var rows = results.Select((r, i) => (r, testId: Guid.NewGuid().ToString(), execId: Guid.NewGuid().ToString())).ToList();
        return new XDocument(new XElement(Ns + "TestRun",
            new XAttribute("id", RunId), new XAttribute("name", "@vm generated"),
            new XElement(Ns + "Times", new XAttribute("start", "2026-11-23T09:40:54.6841385+00:00"),
                new XAttribute("finish", "2026-11-23T09:41:18.5849048+00:00")),
            new XElement(Ns + "Results", rows.Select(x => new XElement(Ns + "UnitTestResult",
                new XAttribute("executionId", x.execId), new XAttribute("testId", x.testId), new XAttribute("testName", x.r.Name),
                new XAttribute("duration", TimeSpan.FromSeconds(x.r.Seconds).ToString("c", CultureInfo.InvariantCulture)),
                new XAttribute("outcome", x.r.Outcome), new XAttribute("testListId", listId),
                new XElement(Ns + "Output",
                    x.r.StdOut.Length > 0 ? new XElement(Ns + "StdOut", x.r.StdOut) : null,
                    x.r.Error is null ? null : new XElement(Ns + "ErrorInfo", new XElement(Ns + "Message", x.r.Error)))))),
            new XElement(Ns + "TestDefinitions", rows.Select(x => new XElement(Ns + "UnitTest",
                new XAttribute("name", x.r.Name), new XAttribute("id", x.testId),
                new XElement(Ns + "Execution", new XAttribute("id", x.execId)),
                new XElement(Ns + "TestMethod", new XAttribute("className", ClassOf(x.r.Name)), new XAttribute("name", "M"))))),
            new XElement(Ns + "ResultSummary", new XAttribute("outcome", RunOutcome),
                Counted ? Counters() : null)));
    }

    /// <summary>The counters as VSTest writes them: an Error result counts as error, not failed; a skip is not executed.</summary>
    private XElement Counters()
    {
        int Count(string outcome) => results.Count(r => r.Outcome == outcome);
        return new XElement(Ns + "Counters",
            new XAttribute("total", results.Count), new XAttribute("executed", results.Count - Count("NotExecuted")),
            new XAttribute("passed", Count("Passed")), new XAttribute("failed", Count("Failed")), new XAttribute("error", Count("Error")),
            new XAttribute("notExecuted", 0));
    }

    public string Save(string dir, string name = "gate.trx")
    {
        var path = Path.Combine(dir, name);
        Build().Save(path);
        return path;
    }

    private static string ClassOf(string name) =>
        name.StartsWith("Phase ", StringComparison.Ordinal) ? $"ShipGate.Tests.Phase{name[6]}Tests" : "Other.Project.Tests";
}
