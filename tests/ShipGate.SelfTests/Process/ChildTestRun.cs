using System.Diagnostics;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>
/// A real `dotnet test tests/ShipGate.Tests --no-build --filter Phase=N` (or `./shipgate gate`) in a process group of its own,
/// like a terminal's foreground job, so SIGINT reaches dotnet test, vstest.console and the test host at once,
/// as a user's Ctrl-C does. Output goes to a log file (a pipe would be held open by orphaned grandchildren).
/// Disposal SIGKILLs whatever of this group still runs, so a failed self-test never leaves a gate running.
/// </summary>
public sealed class ChildTestRun : IAsyncDisposable
{
    /// <summary>xUnit collection of the tests that start child gate runs: never two such tests at once.</summary>
    public const string Collection = "child gate runs";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly Process _process;
    private readonly Stopwatch _clock;

    private ChildTestRun(ChildRunRequest request, Process process, int pgid, string directory, Stopwatch clock)
    {
        Request = request;
        _process = process;
        Pgid = pgid;
        Directory = directory;
        _clock = clock;
    }

    public ChildRunRequest Request { get; }

    /// <summary>The group id: the pid of `dotnet test`, leader of vstest.console and the test host.</summary>
    public int Pgid { get; }

    public string Directory { get; }

    public string TrxPath => Request.TrxPath(Directory);

    public string LogPath => Path.Combine(Directory, "output.log");

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool IgnoresSigInt => ProcessGroup.IgnoresSigInt(Pgid);

    public static async Task<ChildTestRun> StartAsync(ChildRunRequest request, string workDirectory)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(workDirectory, request.Name)).FullName;
        var log = Path.Combine(directory, "output.log");
        // sh only redirects; env restores SIGINT (a shell's background job inherits it ignored); setsid --wait
        // makes the group and keeps its leader's exit status.
        var start = new ProcessStartInfo("sh") { WorkingDirectory = RepoRoot.Find(), UseShellExecute = false };
        foreach (var arg in (string[])["-c", "exec \"$@\" > \"$0\" 2>&1", log, "env", "--default-signal=INT", "setsid", "--wait",
            .. request.Command(directory)])
            start.ArgumentList.Add(arg);
        request.ApplyEnvironment(start.Environment, Path.Combine(directory, "runs"), request.WriteProfile(directory));

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var pgid = await GroupOfAsync(process.Id);
        return new ChildTestRun(request, process, pgid, directory, clock);
    }

    public string Output() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    /// <summary>Waits until a line of the output satisfies the predicate; false at the bound or when the run ended first.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            if (Output().Split('\n').Any(match)) return true;
            if (_process.HasExited) return false;
            await Task.Delay(Poll);
        }

        return false;
    }

    /// <summary>Ctrl-C: SIGINT to every process of the group.</summary>
    public bool Interrupt() => ProcessGroup.Signal(Pgid, ProcessGroup.SigInt);

    /// <summary>
    /// Waits, up to the bound, until `dotnet test` has exited and no process of its group still runs (the test
    /// host may outlive dotnet test while its exit hook works).
    /// </summary>
    public async Task<ChildExit> WaitForExitAsync(TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? leaderExit = null;
        while (true)
        {
            if (_process.HasExited) leaderExit ??= clock.Elapsed;
            var living = ProcessGroup.LivingMembers(Pgid);
            if (_process.HasExited && living.Count == 0)
                return new ChildExit(_process.ExitCode, _clock.Elapsed, leaderExit ?? clock.Elapsed, clock.Elapsed, []);
            if (clock.Elapsed >= bound)
                return new ChildExit(_process.HasExited ? _process.ExitCode : null, _clock.Elapsed, leaderExit, clock.Elapsed, living);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ProcessGroup.LivingMembers(Pgid).Count > 0)
        {
            ProcessGroup.Signal(Pgid, ProcessGroup.SigKill);
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    // setsid runs dotnet in place when it can, or forks it as the leader of the new group; find that leader.
    private static async Task<int> GroupOfAsync(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (ProcessGroup.Read(pid) is { Pgid: var own } && own == pid) return pid;
            var leader = ProcessGroup.ChildrenOf(pid).FirstOrDefault(c => c.Pgid == c.Pid);
            if (leader is not null) return leader.Pid;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new InvalidOperationException($"the child run (pid {pid}) never became a process group of its own");
    }
}

/// <summary>How a child run ended: exit code (null while still running), times, and group members still running.</summary>
/// <param name="Wall">From the child's start to the end of the wait.</param>
/// <param name="LeaderExit">From the start of the wait to dotnet test's own exit.</param>
/// <param name="GroupExit">From the start of the wait to the last member's exit (or the bound).</param>
public sealed record ChildExit(int? ExitCode, TimeSpan Wall, TimeSpan? LeaderExit, TimeSpan GroupExit, IReadOnlyList<ProcStat> Survivors)
{
    public bool Ended => ExitCode is not null && Survivors.Count == 0;
}
