using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// A child gate run from start to end under a <see cref="RunWatcher"/>, and what the engine still held of the
/// child's runs once it ended: the Leak, BadConfig and EndToEnd categories each judge it.
/// </summary>
public sealed record WatchedRun(
    ChildExit Exit, Leftovers Left, IReadOnlyList<string> RunIds, IReadOnlyCollection<string> ContainersSeen, string Directory, string TrxPath, string LogPath)
{
    public static async Task<WatchedRun> RunToEndAsync(ChildRunRequest request, string workDirectory, TimeSpan bound)
    {
        var volumesBefore = await EngineLedger.VolumeNamesAsync(CancellationToken.None);
        await using var child = await ChildTestRun.StartAsync(request, workDirectory);
        await using var watcher = RunWatcher.Start(child.Pgid);
        var exit = await child.WaitForExitAsync(bound);
        var left = await EngineLedger.LeftoversAsync(watcher.RunIds, watcher.VolumesMounted, volumesBefore, CancellationToken.None);
        return new WatchedRun(exit, left, watcher.RunIds, watcher.ContainersSeen, child.Directory, child.TrxPath, child.LogPath);
    }
}
