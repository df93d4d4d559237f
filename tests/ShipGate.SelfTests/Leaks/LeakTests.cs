using Docker.DotNet.Models;
using FluentAssertions;
using FluentAssertions.Execution;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// Nothing left behind: after a passing run and runs interrupted by Ctrl-C in Phase 2 and in Phase 4, the engine
/// holds no container, network or volume of those runs (at the latest once the next run has started); failing
/// runs are the EndToEnd cases, each checked the same way. Each run is a real child `dotnet test`; only the
/// child's own run ids are judged.
/// </summary>
[Trait("Category", "Leak")]
[Collection(ChildTestRun.Collection)]
public sealed class LeakTests(LeakFixture fixture, ITestOutputHelper output) : IClassFixture<LeakFixture>
{
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan ExitAfterSigIntBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PassingRunLeavesNothingBehind()
    {
        var (trx, left) = await RunToEndAsync(ChildRunRequest.Gate("leak-passing-p2", 2));

        using var _ = new AssertionScope();
        left.None.Should().BeTrue($"a finished run removes what it created, found {left}");
        trx.Should().NotBeNull();
        trx!.Results.Should().NotBeEmpty().And.OnlyContain(r => r.Passed, "this run is the passing case (healthy reference node)");
    }

    [Fact]
    public Task RunInterruptedInPhase2LeavesNothingAfterTheNextStart() =>
        InterruptAsync(
            ChildRunRequest.Gate("leak-sigint-p2", 2).WithProfile((SettingNames.P2Agents, "4"), (SettingNames.P2WritesPerAgent, "50")),
            "p2", "p2 cluster healthy");

    // The first of the child's Phase 4 clusters (lanes), named by the gate's own rule.
    private static readonly string FirstLaneCluster = ShipGate.Fixtures.Campaigns.Phase4Campaign.ClusterLabel(1);

    // Cycles enough that the class still runs when its serve processes are seen, however late the host gets to
    // look; Ctrl-C ends the run at once whatever the number.
    [Fact]
    public Task RunInterruptedInPhase4LeavesNothingAfterTheNextStart() =>
        InterruptAsync(ChildRunRequest.Gate("leak-sigint-p4", 4).WithProfile((SettingNames.ChaosCycles, "40")), FirstLaneCluster,
            ShipGate.Fixtures.Campaigns.Phase4Campaign.QueueStarts);

    private async Task<(TrxReport? Trx, Leftovers Left)> RunToEndAsync(ChildRunRequest request)
    {
        var run = await WatchedRun.RunToEndAsync(request, fixture.WorkDirectory, RunBound);
        var (exit, left) = (run.Exit, run.Left);
        var trx = TrxReport.TryLoad(run.TrxPath);

        output.WriteLine($"{request.Name}: runs {string.Join(", ", run.RunIds)}; {run.ContainersSeen.Count} container(s) seen: "
            + $"{string.Join(", ", run.ContainersSeen.Order())}");
        output.WriteLine($"{request.Name}: exit {exit.ExitCode} after {exit.Wall.TotalSeconds:0.0} s; TRX {trx?.Count("Passed")} passed, "
            + $"{trx?.Count("Failed")} failed; left at exit: {left}");
        output.WriteLine($"log: {run.LogPath}");
        exit.Ended.Should().BeTrue($"the run ends within {RunBound.TotalSeconds:0} s (still running: {string.Join(", ", exit.Survivors)})");
        run.RunIds.Should().NotBeEmpty("the child's containers must have been seen, or 'nothing left' proves nothing");
        return (trx, left);
    }

    /// <summary>
    /// Starts the run, waits until its cluster's three nodes run, the log shows the phase acting and the engine shows
    /// a serve process in each node (a state, not a delay: on a busy machine the cluster comes up late), sends
    /// Ctrl-C, then looks at the engine: at SIGINT, when the run's processes are all gone, a few seconds
    /// later (removals it requested may still be completing) and after the next run's start.
    /// </summary>
    private async Task InterruptAsync(ChildRunRequest request, string cluster, string actingMarker)
    {
        var volumesBefore = await EngineLedger.VolumeNamesAsync(CancellationToken.None);
        await using var child = await ChildTestRun.StartAsync(request, fixture.WorkDirectory);
        await using var watcher = RunWatcher.Start(child.Pgid);
        child.IgnoresSigInt.Should().BeFalse("the child must react to SIGINT as a terminal's foreground job does");

        var nodesUp = await watcher.WaitUntilAsync(cs => cs.Count(c => IsNodeOf(c, cluster) && c.State == "running") >= 3, RunBound);
        var acting = await child.WaitForLineAsync(l => l.Contains(actingMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var serving = await watcher.WaitUntilServingAsync(c => IsNodeOf(c, cluster), 3, TimeSpan.FromSeconds(60));
        var atSigInt = await EngineLedger.LeftoversAsync(watcher.RunIds, watcher.VolumesMounted, volumesBefore, CancellationToken.None);
        var sentAt = child.Elapsed;
        var delivered = child.Interrupt();
        var exit = await child.WaitForExitAsync(ExitAfterSigIntBound);
        var atExit = await EngineLedger.LeftoversAsync(watcher.RunIds, watcher.VolumesMounted, volumesBefore, CancellationToken.None);
        var settled = await EngineLedger.SettleAsync(watcher.RunIds, watcher.VolumesMounted, volumesBefore, TimeSpan.FromSeconds(5), CancellationToken.None);
        var (sweep, nextWall) = await NextRunStart.RunAsync(fixture.WorkDirectory, request.Name);
        var afterNext = await EngineLedger.LeftoversAsync(watcher.RunIds, watcher.VolumesMounted, volumesBefore, CancellationToken.None);
        var trx = TrxReport.TryLoad(child.TrxPath);

        output.WriteLine($"{request.Name}: runs {string.Join(", ", watcher.RunIds)}; nodes up: {nodesUp}; '{actingMarker}' seen: {acting}; serve in each "
            + $"node: {serving}");
        output.WriteLine($"{request.Name}: SIGINT at {sentAt.TotalSeconds:0.0} s (delivered: {delivered}) with {atSigInt}");
        output.WriteLine($"{request.Name}: dotnet test exited {exit.LeaderExit?.TotalSeconds:0.0} s after SIGINT (code {exit.ExitCode}), its last process "
            + $"{exit.GroupExit.TotalSeconds:0.0} s after; TRX: {(trx is null ? "none" : $"{trx.Count("Passed")} passed, {trx.Count("Failed")} failed")}");
        output.WriteLine($"{request.Name}: left when its processes were gone: {atExit}; up to 5 s later: {settled}");
        output.WriteLine($"{request.Name}: removed by the interrupted run itself (its exit hook's requests): {Gone(atSigInt, settled)}; left for the next "
            + $"run's stale sweep: {Gone(settled, afterNext)}");
        output.WriteLine($"{request.Name}: next run's start ({nextWall.TotalSeconds:0.0} s): {sweep}; after it: {afterNext}");
        output.WriteLine($"log: {child.LogPath}");

        using var _ = new AssertionScope();
        nodesUp.Should().BeTrue($"the {cluster} cluster's three nodes should run before Ctrl-C");
        serving.Should().BeTrue($"each node of {cluster} should run serve before Ctrl-C");
        atSigInt.Containers.Should().HaveCountGreaterThanOrEqualTo(3, "Ctrl-C is meant to land while the cluster runs");
        delivered.Should().BeTrue("the run must still be running when Ctrl-C comes, or this is not an interrupted run");
        exit.Ended.Should()
            .BeTrue($"an interrupted run ends within {ExitAfterSigIntBound.TotalSeconds:0} s of Ctrl-C (still running: {string.Join(", ", exit.Survivors)})");
        afterNext.None.Should().BeTrue($"after the next run's start nothing of the interrupted run may remain, found {afterNext}");
    }

    private static string Gone(Leftovers before, Leftovers after) =>
        $"{before.Containers.Count - after.Containers.Count} container(s), {before.Networks.Count - after.Networks.Count} network(s), "
            + $"{before.Volumes.Count - after.Volumes.Count} volume(s)";

    private static bool IsNodeOf(ContainerListResponse c, string cluster) =>
        c.Names.Any(n => n.Contains($"-{cluster}-node-", StringComparison.Ordinal));
}
