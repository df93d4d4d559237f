using System.Xml.Linq;
using ShipGate.Results.Tests.Support;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Tests;

/// <summary>
/// A real gate TRX (Phases 1–2 against the reference node, 36 facts), trimmed: only the first fact of each phase
/// keeps its <c>##shipgate-phase-evidence</c> record (VSTest wrote it 36 times, 1 MB).
/// </summary>
public sealed class RealTrxTests : IDisposable
{
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-phase1-2.trx.xml");
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void The_reader_joins_results_to_definitions_and_keeps_the_output()
    {
        var run = TrxReader.Read(Real);

        run.Tests.Should().HaveCount(36);
        run.Outcome.Should().Be("Completed");
        run.Tests.Should().OnlyContain(t => t.Outcome == "Passed" && t.ClassName!.StartsWith("ShipGate.Tests.Phase", StringComparison.Ordinal));
        run.Tests.Should().OnlyContain(t => t.StdOut.Contains("##shipgate-evidence ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_real_phase_1_and_2_run_passes_both_phases_and_fails_only_as_a_partial_campaign()
    {
        var code = s.Convert([Real]);

        code.Should().Be(ExitCodes.CampaignFailed, s.Log.ToString());
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("partial campaign: phases 3, 4 not run");
        s.Summary["phases"]!.AsArray().Should().OnlyContain(p => p!["pass"]!.GetValue<bool>());
        s.Json("phase1-node-c.json")["mcp_tool_count"]!.GetValue<int>().Should().Be(36);
        s.Json("phase1-node-c.json")["version"]!.GetValue<string>().Should().Be("ai-memory 0.6.0");
        s.Json("phase2.json")["ok"]!.GetValue<int>().Should().Be(200);
        s.Json("phase2.json")["probe2_both_peers_down"]!.GetValue<string>().Should().Be("503");
        s.Summary["sut_version"]!.GetValue<string>().Should().Be("ai-memory 0.6.0");
        s.Summary["phase_results"]!.AsArray().Sum(p => p!["facts_passed"]!.GetValue<int>()).Should().Be(36);
    }

    public static TheoryData<int> EachFact => new(Enumerable.Range(0, 36));

    /// <summary>Every strict subset of a complete real run (drop any one fact) fails, naming the dropped fact.</summary>
    [Theory]
    [MemberData(nameof(EachFact))]
    public void Dropping_any_one_fact_fails_its_phase_naming_it(int index)
    {
        var doc = XDocument.Load(Real);
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var dropped = doc.Descendants(ns + "UnitTestResult").ElementAt(index);
        var name = (string)dropped.Attribute("testName")!;
        var evidenceCarrier = dropped.Element(ns + "Output")?.Element(ns + "StdOut")?.Value.Contains("##shipgate-phase-evidence", StringComparison.Ordinal) == true;
        dropped.Remove();
        if (evidenceCarrier)
        {
            // The fact that carried the phase evidence record is gone: hand the record to the next fact of that phase.
            var stdout = doc.Descendants(ns + "StdOut").First(o => o.Value.Contains($"\"phase\":{name[6]}", StringComparison.Ordinal));
            stdout.Value += "\n" + XDocument.Load(Real).Descendants(ns + "StdOut").Select(o => o.Value.Split('\n').FirstOrDefault(l => l.StartsWith("##shipgate-phase-evidence", StringComparison.Ordinal) && l.Contains("\"nodes\"", StringComparison.Ordinal) && o.Value.Contains($"\"phase\":{name[6]}", StringComparison.Ordinal))).First(l => l is not null);
        }

        var path = Path.Combine(s.Dir, "dropped.trx");
        doc.Save(path);

        s.Convert([path]).Should().Be(ExitCodes.CampaignFailed);
        var phaseFiles = name[6] == '1' ? new[] { "phase1-node-a.json", "phase1-node-b.json", "phase1-node-c.json" } : ["phase2.json"];
        phaseFiles.SelectMany(f => s.Json(f)["reasons"]!.AsArray()).Select(r => r!.GetValue<string>())
            .Should().Contain(r => r.StartsWith(name + ": missing", StringComparison.Ordinal), $"dropping '{name}' must name it");
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(r => r.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_run_fails_a_full_campaign_because_phases_3_and_4_are_missing()
    {
        s.Convert([Real]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["missing_phases"]!.AsArray().Select(p => p!.GetValue<int>()).Should().Equal(3, 4);
    }
}
