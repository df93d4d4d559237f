using System.Collections.Concurrent;
using System.Diagnostics;
using Docker.DotNet.Models;
using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Cluster;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// Watches the engine while a child gate runs and learns which shipgate.run ids are the child's: a run is
/// the child's when the test host that labelled it (shipgate.pid) is in the child's process group. Other
/// runs on the same engine (other self-tests, the lead's gate) are never counted, judged or touched.
/// </summary>
public sealed class RunWatcher : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly int _pgid;
    private readonly ConcurrentDictionary<string, bool> _runs = new();
    private readonly ConcurrentDictionary<string, string> _containers = new();
    private readonly ConcurrentDictionary<string, byte> _volumes = new();
    private readonly BackgroundLoop _loop;
    private volatile IReadOnlyList<ContainerListResponse> _current = [];

    private RunWatcher(int pgid)
    {
        _pgid = pgid;
        _loop = BackgroundLoop.Start(LoopAsync);
    }

    /// <summary>Run ids created by the child so far.</summary>
    public IReadOnlyList<string> RunIds => _runs.Where(r => r.Value).Select(r => r.Key).Order().ToList();

    /// <summary>Names of every container of the child's runs ever seen.</summary>
    public IReadOnlyCollection<string> ContainersSeen => _containers.Values.ToList();

    /// <summary>Named volumes ever mounted by a container of the child's runs.</summary>
    public IReadOnlyCollection<string> VolumesMounted => _volumes.Keys.ToList();

    public static RunWatcher Start(int pgid) => new(pgid);

    /// <summary>Waits until the child's current containers satisfy the condition; false at the bound.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<ContainerListResponse>, bool> condition, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            if (condition(_current)) return true;
            await Task.Delay(Poll);
        }

        return false;
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> of the child's running containers that <paramref name="isNode"/>
    /// picks each run an <c>ai-memory serve</c> process, as the engine lists them (its top, no exec); false at the bound.
    /// </summary>
    public async Task<bool> WaitUntilServingAsync(Func<ContainerListResponse, bool> isNode, int count, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            var nodes = _current.Where(c => isNode(c) && c.State == "running").ToList();
            if (nodes.Count >= count && (await Task.WhenAll(nodes.Select(ServesAsync))).Count(s => s) >= count) return true;
            await Task.Delay(Poll);
        }

        return false;
    }

    private static async Task<bool> ServesAsync(ContainerListResponse container)
    {
        try
        {
            var top = await DockerEngine.Client.Containers.ListProcessesAsync(container.ID, new ContainerListProcessesParameters());
            return top.Processes.Any(p =>
                string.Join(" ", p).Contains("ai-memory", StringComparison.Ordinal) && p.Any(f => f.Contains(" serve", StringComparison.Ordinal)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // gone or not answering: not serving
        }
    }

    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    private async Task LoopAsync(CancellationToken stop)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [RunLabels.Run] = true } };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var all = await DockerEngine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, stop);
                _current = all.Where(Ours).ToList();
                foreach (var c in _current)
                {
                    _containers[c.ID] = c.Names.FirstOrDefault()?.TrimStart('/') ?? c.ID[..12];
                    foreach (var m in c.Mounts ?? []) if (m.Type == "volume" && !string.IsNullOrEmpty(m.Name)) _volumes[m.Name] = 0;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A listing that fails (engine busy) is retried on the next poll.
            }

            await Task.Delay(Poll, stop);
        }
    }

    // Classified once, while the labelling test host still runs (after its exit its pid tells nothing).
    private bool Ours(ContainerListResponse c)
    {
        if (!c.Labels.TryGetValue(RunLabels.Run, out var run)) return false;
        if (_runs.TryGetValue(run, out var ours)) return ours;
        if (!c.Labels.TryGetValue(RunLabels.Host, out var host) || host != Environment.MachineName) return _runs[run] = false;
        if (!c.Labels.TryGetValue(RunLabels.Pid, out var pidText) || !int.TryParse(pidText, out var pid)) return _runs[run] = false;
        if (ProcessGroup.Read(pid) is null) return false; // owner gone: undecidable now, and not ours (ours run while watched)
        return _runs[run] = ProcessGroup.Contains(_pgid, pid);
    }
}
