using ShipGate.Contract;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// The next run's start, for real: a child gate run whose start does what every run's start does (engine
/// ping, exit hook, stale sweep) and then stops at a missing executable, so it creates nothing itself. A
/// child rather than Sweeper.SweepStaleOnceAsync in this process: that sweeps once per process, and a
/// child's sweep also proves that the interrupted test host is judged dead by a fresh process.
/// </summary>
public static class NextRunStart
{
    public const string Missing = "/nonexistent/shipgate-next-run-start/ai-memory";

    /// <summary>Runs it; returns the start's sweep report line ("swept N container(s) and M network(s)") and its wall time.</summary>
    public static async Task<(string Sweep, TimeSpan Wall)> RunAsync(string workDirectory, string name)
    {
        await using var child = await ChildTestRun.StartAsync(
            ChildRunRequest.Gate($"{name}-next-start", 1, new Dictionary<string, string?> { [SettingNames.NodeExecutable] = Missing }),
            workDirectory);
        var exit = await child.WaitForExitAsync(TimeSpan.FromSeconds(90));
        var sweep = child.Output().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("[shipgate] swept", StringComparison.Ordinal));
        return (sweep is null ? $"no sweep line in {child.LogPath}" : sweep[(sweep.IndexOf("swept", StringComparison.Ordinal))..], exit.Wall);
    }
}
