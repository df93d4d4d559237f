using System.Globalization;
using System.Xml.Linq;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// A TRX edited on purpose (a result cut, a shard split off) keeps counters that agree with its results, as VSTest
/// would have written them: the converter names counters that disagree, which is not what such a test is about.
/// </summary>
public static class TrxCounters
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static XDocument Recount(XDocument doc)
    {
        if (doc.Descendants(Ns + "Counters").FirstOrDefault() is not { } counters) return doc;
        var outcomes = doc.Descendants(Ns + "UnitTestResult").Select(r => (string?)r.Attribute("outcome") ?? "").ToList();
        void Set(string name, int value) => counters.SetAttributeValue(name, value.ToString(CultureInfo.InvariantCulture));
        Set("total", outcomes.Count);
        Set("executed", outcomes.Count(o => o != "NotExecuted"));
        foreach (var outcome in new[] { "Passed", "Failed", "Error", "Timeout", "Aborted" })
            Set(outcome.ToLowerInvariant(), outcomes.Count(o => o == outcome));
        return doc;
    }
}
