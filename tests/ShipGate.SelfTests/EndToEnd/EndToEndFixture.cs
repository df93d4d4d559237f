using System.Text.Json.Nodes;
using ShipGate.SelfTests.ChildProcesses;
using ShipGate.SelfTests.Leaks;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// Runs every end-to-end case once as a real child gate run, two at a time, and keeps its TRX and the
/// campaign-summary.json its results logger wrote. A child that does not end is killed at <see cref="HangBound"/>.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public static readonly TimeSpan HangBound = TimeSpan.FromMinutes(6);
    private const int AtOnce = 2;

    private readonly Dictionary<string, EndToEndOutcome> _outcomes = [];

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("shipgate-e2e-").FullName;

    public EndToEndOutcome this[string name] => _outcomes[name];

    public async Task InitializeAsync()
    {
        var outcomes = await ChildBatch.RunAsync(EndToEndCase.All, AtOnce, RunAsync);
        foreach (var o in outcomes) _outcomes[o.Case.Name] = o;
    }

    public Task DisposeAsync() => Task.CompletedTask; // the scratch directory stays for a look at the child logs

    // Each case is a red run, so the engine is also asked what it left behind, as for the Leak category.
    private async Task<EndToEndOutcome> RunAsync(EndToEndCase c)
    {
        var run = await WatchedRun.RunToEndAsync(c.Request(), WorkDirectory, HangBound);
        var summaryPath = Path.Combine(run.Directory, "runs", c.Campaign, "campaign-summary.json");
        var summary = File.Exists(summaryPath) ? JsonNode.Parse(File.ReadAllText(summaryPath)) as JsonObject : null;
        return new EndToEndOutcome(c, run.Exit, TrxReport.TryLoad(run.TrxPath), summary, summaryPath, run.LogPath, run.Left, run.RunIds.Count);
    }
}

/// <summary>What one end-to-end child run yielded, and what of it the engine still held once it ended.</summary>
public sealed record EndToEndOutcome(
    EndToEndCase Case, ChildExit Exit, TrxReport? Trx, JsonObject? Summary, string SummaryPath, string LogPath, Leftovers Left, int RunsSeen)
{
    public IReadOnlyList<string> Reasons => Summary?["reasons"]?.AsArray().Select(r => r?.GetValue<string>() ?? "").ToList() ?? [];
}
