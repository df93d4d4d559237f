using ShipGate.Fixtures.Cluster;
using ShipGate.SelfTests.ChildProcesses;
using ShipGate.SelfTests.Leaks;

namespace ShipGate.SelfTests.BadConfig;

/// <summary>
/// Runs every bad-configuration case once as a real child gate run, a few at a time (each is mostly a
/// dotnet test start-up), and keeps what each yielded for the facts to read. A child that does not end is
/// killed at <see cref="HangBound"/> and reported as a hang.
/// </summary>
public sealed class BadConfigFixture : IAsyncLifetime
{
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(120);
    private const int AtOnce = 3;

    private readonly Dictionary<string, BadConfigOutcome> _outcomes = [];

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("shipgate-badconfig-").FullName;

    public BadConfigOutcome this[string name] => _outcomes[name];

    public async Task InitializeAsync()
    {
        BadConfigCase.WriteScript();
        var outcomes = await ChildBatch.RunAsync(BadConfigCase.All, AtOnce, RunAsync);
        foreach (var o in outcomes) _outcomes[o.Case.Name] = o;
    }

    public Task DisposeAsync() => Task.CompletedTask; // the scratch directory stays for a look at the child logs

    private async Task<BadConfigOutcome> RunAsync(BadConfigCase c)
    {
        var run = await WatchedRun.RunToEndAsync(ChildRunRequest.Gate($"badconfig-{c.Name}", c.Phase, c.Exported), WorkDirectory, HangBound);
        return new BadConfigOutcome(c, run.Exit, TrxReport.TryLoad(run.TrxPath), run.Left, run.ContainersSeen.Count, run.LogPath);
    }
}

/// <summary>What one bad-configuration child run yielded.</summary>
public sealed record BadConfigOutcome(BadConfigCase Case, ChildExit Exit, TrxReport? Trx, Leftovers Left, int ContainersSeen, string LogPath)
{
    public TrxResult? Preflight => Trx?.Results.FirstOrDefault(r => r.TestName.StartsWith($"Phase {Case.Phase} · preflight", StringComparison.Ordinal));

    /// <summary>From the start of the test run to the end of the red preflight fact: how long the user waits for the answer.</summary>
    public TimeSpan? TimeToRed => Preflight is { } p && Trx is { } t ? p.End - t.RunStart : null;

    /// <summary>The fact's message without its "p1.preflight: fail: " prefix (criterion and verdict).</summary>
    public string? Reason => Preflight?.Message is { } m ? System.Text.RegularExpressions.Regex.Replace(m, @"^[\w.-]+: (fail|no_evidence): ", "") : null;
}
