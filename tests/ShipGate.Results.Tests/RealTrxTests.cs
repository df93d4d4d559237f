using System.Globalization;
using System.Xml.Linq;
using ShipGate.Contract.Criteria;
using ShipGate.Contract;
using ShipGate.Results.Tests.Support;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Tests;

/// <summary>
/// A real gate TRX, every fact green: all four phases against the reference node, recorded by ./shipgate record-trx
/// (profile=ci chaos-cycles=2 p3-rows=200, campaign real-green): a rehearsal, below the release floor. Every fact
/// of the catalog ran but the opt-in classes' ones, skipped; the run-level output copy is cut.
/// </summary>
public sealed class RealTrxTests : IDisposable
{
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml");
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private static int AllFacts => CriteriaCatalog.Phases.Sum(p => CriteriaCatalog.AllFacts(p).Count);

    private static int OptInFacts => CriteriaCatalog.Facts(4, Topology.OptInFaults).Count(f => f.Fault is not null);

    /// <summary>The recorded run converted under its own campaign id.</summary>
    private int Convert(string trx) => Converter.ConvertTrx([trx], s.Out, Scratch.Options() with { CampaignId = "real-green" }, s.Log);

    [Fact]
    public void The_reader_joins_results_to_definitions_and_keeps_the_output()
    {
        var run = TrxReader.Read(Real);

        run.Tests.Should().HaveCount(AllFacts);
        run.Outcome.Should().Be("Completed");
        run.Tests.Count(t => t.Outcome == "Passed").Should().Be(AllFacts - OptInFacts);
        run.Tests.Should().OnlyContain(t => t.ClassName!.StartsWith("ShipGate.Tests.Phase", StringComparison.Ordinal));
        run.Tests.Where(t => t.Outcome == "Passed").Should().OnlyContain(t => t.StdOut.Contains("##shipgate-evidence ", StringComparison.Ordinal));
        run.Tests.Count(t => t.StdOut.Contains("##shipgate-phase-evidence ", StringComparison.Ordinal)).Should().Be(4, "each phase writes its record once");
    }

    [Fact]
    public void A_real_complete_rehearsal_passes_every_fact_and_is_no_release_pass()
    {
        Convert(Real).Should().Be(ExitCodes.CampaignFailed, s.Log.ToString());

        s.Summary["strength"]!.GetValue<string>().Should().Be("rehearsal");
        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeTrue();
        s.Summary["sut_kind"]!.GetValue<string>().Should().Be("reference node", "the recorded run gated the bundled reference node");
        s.Html.Should().Contain("reference node: a demonstration, not a release decision");
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should()
            .Equal("rehearsal: chaos cycles 2 < 50", "rehearsal: phase 3 rows 200 < 1000", "rehearsal: soak seconds 10 < 30");
        s.Json("phase1-node-c.json")["mcp_tool_count"]!.GetValue<int>().Should().Be(36);
        s.Json("phase1-node-c.json")["version"]!.GetValue<string>().Should().Be("ai-memory 0.6.0");
        s.Json("phase2.json")["ok"]!.GetValue<int>().Should().Be(200);
        s.Json("phase2.json")["probe2_both_peers_down"]!.GetValue<string>().Should().Be("503");
        s.Json("phase3.json")["content_identical"]!.GetValue<bool>().Should().BeTrue();
        s.Json("phase4.json")["convergence_by_fault"]!["partition_minority"]!.GetValue<double>().Should().Be(1);
        s.Summary["not_run_fault_classes"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("pause_peer", "clock_skew_peer");
        s.Summary["settings"]!.AsArray().Should()
            .Contain(x => x!["name"]!.GetValue<string>() == SettingNames.ChaosCycles && x["source"]!.GetValue<string>() == "command line");
        s.Summary["phase_results"]!.AsArray().Sum(p => p!["facts_passed"]!.GetValue<int>()).Should().Be(AllFacts - OptInFacts);
    }

    [Fact]
    public void The_campaign_wall_time_and_the_soak_are_published_as_recorded()
    {
        Convert(Real);

        // The TRX's own Times, start to finish: the figure is the run's, re-recorded with it, never a constant here.
        var times = XDocument.Load(Real).Descendants(Ns + "Times").Single();
        var wall = DateTimeOffset.Parse((string)times.Attribute("finish")!, CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse((string)times.Attribute("start")!, CultureInfo.InvariantCulture);
        s.Summary["wall_seconds"]!.GetValue<double>().Should().Be(Math.Round(wall.TotalSeconds, 1));
        var soak = s.Json("phase2.json")["soak"]!;
        soak["planned_seconds"]!.GetValue<int>().Should().Be(10);
        soak["nodes"]!.AsArray().Select(n => n!["node"]!.GetValue<string>()).Should().Equal("node-a", "node-b", "node-c");
        soak["nodes"]!.AsArray().Should().OnlyContain(n => n!["errors"]!.GetValue<int>() == 0);
    }

    public static TheoryData<string> EachFactThatRan =>
        new(XDocument.Load(Real).Descendants(Ns + "UnitTestResult").Where(r => (string?)r.Attribute("outcome") == "Passed")
            .Select(r => (string)r.Attribute("testName")!));

    /// <summary>Every strict subset of the complete run (drop any one fact that ran) fails, naming the dropped fact.</summary>
    [Theory]
    [MemberData(nameof(EachFactThatRan))]
    public void Dropping_any_one_fact_fails_the_campaign_naming_it(string name)
    {
        var doc = XDocument.Load(Real);
        var results = doc.Descendants(Ns + "UnitTestResult").ToList();
        var dropped = results.Single(r => (string?)r.Attribute("testName") == name);
        var record = dropped.Descendants(Ns + "StdOut").FirstOrDefault()?.Value.Split('\n')
            .FirstOrDefault(l => l.StartsWith("##shipgate-phase-evidence ", StringComparison.Ordinal));
        dropped.Remove();
        if (record is not null)
        {
            // The dropped fact carried its phase's record: another fact of the phase carries it now (the record is not what is tested).
            var heir = results.First(r =>
                r != dropped && ((string)r.Attribute("testName")!).StartsWith(name[..8], StringComparison.Ordinal) && r.Descendants(Ns + "StdOut").Any());
            heir.Descendants(Ns + "StdOut").First().Value += "\n" + record + "\n";
        }

        var path = Path.Combine(s.Dir, "dropped.trx");
        TrxCounters.Recount(doc).Save(path);

        Convert(path).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        s.Summary["facts_pass"]!.GetValue<bool>().Should().BeFalse();
        // Phase 1's once-facts belong to each node's file, so they are named once per file; nothing else is a reason
        // but the rehearsal's own.
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !r.StartsWith("rehearsal: ", StringComparison.Ordinal)).Should()
            .NotBeEmpty()
            .And.OnlyContain(r => r.Contains(name + ": missing from the test results", StringComparison.Ordinal));
    }
}
