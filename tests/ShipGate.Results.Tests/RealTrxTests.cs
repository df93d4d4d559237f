using System.Diagnostics;
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
    public void A_real_phase_1_and_2_run_passes_when_those_are_the_expected_phases()
    {
        var clock = Stopwatch.StartNew();
        var code = s.Convert([Real], 1, 2);
        clock.Stop();

        code.Should().Be(ExitCodes.Pass, s.Log.ToString());
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        s.Json("phase1-node-c.json")["mcp_tool_count"]!.GetValue<int>().Should().Be(36);
        s.Json("phase1-node-c.json")["version"]!.GetValue<string>().Should().Be("ai-memory 0.6.0");
        s.Json("phase2.json")["ok"]!.GetValue<int>().Should().Be(200);
        s.Json("phase2.json")["probe2_both_peers_down"]!.GetValue<string>().Should().Be("503");
        s.Summary["sut_version"]!.GetValue<string>().Should().Be("ai-memory 0.6.0");
        s.Summary["phase_results"]!.AsArray().Sum(p => p!["facts_passed"]!.GetValue<int>()).Should().Be(36);
    }

    [Fact]
    public void The_same_run_fails_a_full_campaign_because_phases_3_and_4_are_missing()
    {
        s.Convert([Real]).Should().Be(ExitCodes.CampaignFailed);
        s.Summary["missing_phases"]!.AsArray().Select(p => p!.GetValue<int>()).Should().Equal(3, 4);
    }
}
