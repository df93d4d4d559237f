using System.Collections.Concurrent;
using FluentAssertions;
using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Evidence;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;
using static ShipGate.Contract.SettingNames;

namespace ShipGate.SelfTests.Unit;

/// <summary>Phase 4's one queue, without a cluster: who gets which (class, cycle), and what a class records when it cannot finish.</summary>
[Trait("Category", "Unit")]
public sealed class ChaosQueueTests
{
    private static readonly HostLateness Quiet = new(20, 0, 0, 0, []);

    [Fact]
    public async Task EveryCycleOfEveryClassIsHandedOutOnceAcrossLanesTakingAtOnce()
    {
        var runs = Runs(cycles: 40, FaultClass.KillPrimaryMidWrite, FaultClass.PartitionMinority, FaultClass.PausePeer);
        var queue = new ChaosQueue(runs);
        var taken = new ConcurrentBag<(string Class, int Cycle, int Lane)>();

        await Task.WhenAll(Enumerable.Range(1, 4).Select(lane => Task.Run(() =>
        {
            FaultClass? last = null;
            while (queue.Take(lane, last) is { } item)
            {
                last = item.Run.Class;
                taken.Add((item.Run.Class.Name, item.Cycle, lane));
            }
        })));

        taken.Select(t => (t.Class, t.Cycle)).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(runs.SelectMany(r => Enumerable.Range(1, 40).Select(n => (r.Class.Name, n))));
        Dispose(runs);
    }

    [Fact]
    public void ALaneTakesTheClassWithTheMostLeftAndStaysWithItsOwnOnATie()
    {
        var runs = Runs(cycles: 3, FaultClass.KillPrimaryMidWrite, FaultClass.PartitionMinority);
        var queue = new ChaosQueue(runs);

        Next(queue, 1, null).Should().Be(("kill_primary_mid_write", 1), "both have 3 left: catalog order");
        Next(queue, 2, null).Should().Be(("partition_minority", 1), "partition has more left");
        Next(queue, 1, FaultClass.KillPrimaryMidWrite).Should().Be(("kill_primary_mid_write", 2), "a tie at 2: lane 1 stays with kill");
        Next(queue, 1, FaultClass.KillPrimaryMidWrite).Should().Be(("partition_minority", 2), "partition has more left now");
        Next(queue, 2, FaultClass.PartitionMinority).Should().Be(("partition_minority", 3), "a tie at 1: lane 2 stays with partition");
        Next(queue, 2, FaultClass.PartitionMinority).Should().Be(("kill_primary_mid_write", 3));
        Next(queue, 1, FaultClass.KillPrimaryMidWrite).Should().BeNull("every cycle is taken");
        Dispose(runs);
    }

    [Fact]
    public void AStoppedClassHandsOutNothingMoreAndTheOthersGoOn()
    {
        var runs = Runs(cycles: 3, FaultClass.KillPrimaryMidWrite, FaultClass.PartitionMinority);
        var queue = new ChaosQueue(runs);
        runs[0].HarnessError("cycle 1: the reset failed");

        var rest = Drain(queue);

        rest.Should().BeEquivalentTo(new[] { ("partition_minority", 1), ("partition_minority", 2), ("partition_minority", 3) });
        runs[0].Evidence(Quiet).HarnessError.Should().Be("cycle 1: the reset failed");
        Dispose(runs);
    }

    [Fact]
    public void CyclesNoLaneTookAreTheGatesOwnFailureNamingThem()
    {
        var runs = Runs(cycles: 5, FaultClass.KillPrimaryMidWrite);
        var queue = new ChaosQueue(runs);
        Next(queue, 1, null);
        Next(queue, 1, FaultClass.KillPrimaryMidWrite);

        runs[0].NoLaneLeft();

        var evidence = runs[0].Evidence(Quiet);
        evidence.HarnessError.Should().Be("no chaos cluster left to run cycles 3–5 (every lane stopped)");
        evidence.Hung.Should().BeFalse();
        Dispose(runs);
    }

    [Fact]
    public void ABudgetSpentWithCyclesStillQueuedIsAHangWithNoCycleInFlight()
    {
        var runs = Runs(cycles: 5, FaultClass.PartitionMinority, budgetSeconds: 1);
        var queue = new ChaosQueue(runs);
        Next(queue, 1, null);
        runs[0].Bound.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)).Should().BeTrue("the 1 s budget runs out");

        queue.Take(1, FaultClass.PartitionMinority).Should().BeNull("a class past its budget hands out no more cycles");
        runs[0].NoLaneLeft();

        var evidence = runs[0].Evidence(Quiet);
        evidence.Hung.Should().BeTrue();
        evidence.Unfinished.Should().BeEmpty("no lane reported a cycle cut off");
        evidence.HarnessError.Should().BeNull("a hang is the class's own finding, not a lane shortage");
        Dispose(runs);
    }

    [Fact]
    public void ABudgetThatRunsOutAfterEveryCycleWasHandedOutIsNoHangByItself()
    {
        var runs = Runs(cycles: 2, FaultClass.KillPrimaryMidWrite, budgetSeconds: 1);
        var queue = new ChaosQueue(runs);
        Drain(queue).Should().HaveCount(2);
        runs[0].Bound.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)).Should().BeTrue("the 1 s budget runs out");

        runs[0].Left.Should().Be(0);
        runs[0].Evidence(Quiet).Hung.Should().BeFalse("only a lane whose cycle the budget cut off reports a hang then");
        Dispose(runs);
    }

    private static List<ChaosClassRun> Runs(int cycles, FaultClass first, FaultClass? second = null, FaultClass? third = null, int budgetSeconds = 0)
    {
        var settings = GateSettings.Load(new DictionarySettingsSource(new Dictionary<string, string?>
        {
            [ChaosCycles] = cycles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ChaosBudgetSecs] = budgetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), null, "/repo");
        var runs = new[] { first, second, third }.OfType<FaultClass>().Select(c => new ChaosClassRun(c, settings)).ToList();
        foreach (var run in runs) run.Begin(CancellationToken.None);
        return runs;
    }

    private static (string Class, int Cycle)? Next(ChaosQueue queue, int lane, FaultClass? last) =>
        queue.Take(lane, last) is { } item ? (item.Run.Class.Name, item.Cycle) : null;

    private static List<(string Class, int Cycle)> Drain(ChaosQueue queue)
    {
        var all = new List<(string, int)>();
        FaultClass? last = null;
        while (queue.Take(1, last) is { } item)
        {
            last = item.Run.Class;
            all.Add((item.Run.Class.Name, item.Cycle));
        }

        return all;
    }

    private static void Dispose(IEnumerable<ChaosClassRun> runs)
    {
        foreach (var run in runs) run.Dispose();
    }
}
