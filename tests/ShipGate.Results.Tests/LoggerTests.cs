using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using ShipGate.Results.Tests.Support;
using ShipGate.Results.TestLogger;

namespace ShipGate.Results.Tests;

public sealed class LoggerTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void At_the_end_of_a_run_the_logger_writes_the_campaign_folder()
    {
        var events = Run(aborted: false);

        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse("a one-phase run is a partial campaign");
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("partial campaign: phases 1, 3, 4 not run")
            .And.Contain(r => r.Contains("Phase 2 · burst gets ≥ 95% 201: missing", StringComparison.Ordinal));
        s.Summary["campaign_id"]!.GetValue<string>().Should().Be("logger-c1");
        s.Json("phase2.json")["probe1_single_peer_down"]!.GetValue<string>().Should().Be("201");
        events.Should().NotBeNull();
    }

    [Fact]
    public void An_aborted_run_with_no_failed_test_leaves_a_failing_summary()
    {
        Run(aborted: true);

        s.Summary["overall_pass"]!.GetValue<bool>().Should().BeFalse();
        s.Summary["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(r => r.Contains("ended Aborted", StringComparison.Ordinal));
    }

    private FakeLoggerEvents Run(bool aborted)
    {
        var events = new FakeLoggerEvents();
        new ShipGateLogger().Initialize(events, new Dictionary<string, string?>
        {
            ["TestRunDirectory"] = s.Dir, ["Out"] = s.Out, ["Campaign"] = "logger-c1", ["Ref"] = "v0.6.0",
        });
        var e = GateSample.Phase2Evidence();
        events.Result("Phase 2 · preflight: cluster up and healthy", TestOutcome.Passed, GateSample.Output("p2.preflight", 2, null, "pass", 3, 3, "ok", e));
        events.Result("Phase 2 · probe 1: node-b down, write to node-a → 201", TestOutcome.Passed,
            GateSample.Output("p2.probe1.one-peer-down-201", 2, "node-a", "pass", 201, 201, "201", e));
        events.Complete(aborted);
        return events;
    }
}
