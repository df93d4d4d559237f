using FluentAssertions;
using FluentAssertions.Execution;
using ShipGate.Contract;
using ShipGate.SelfTests.ChildProcesses;
using ShipGate.SelfTests.Leaks;

namespace ShipGate.SelfTests.EndToEnd;

/// <summary>
/// The API key through the release path: a child gate run of Phase 1 against the reference node as v0.7.0 (which
/// answers 401 to every request without the key, so a green phase proves the key was sent), with a key of the test's
/// own; then every file the run left (its log, TRX, campaign records and page) is searched for the key.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ChildTestRun.Collection)]
public sealed class ApiKeyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(4);

    [Fact(DisplayName = "A v0.7.0 campaign sends the gate's API key on every request and prints it in no log, TRX, record or page")]
    public async Task TheKeyIsSentAndRecordedNowhere()
    {
        var key = $"sg-selftest-{Guid.NewGuid():N}";
        var campaign = $"apikey-{DateTime.UtcNow:HHmmss}";
        var request = ChildRunRequest.Gate("apikey-p1", 1, new Dictionary<string, string?>
        {
            [SettingNames.NodeEnv] = "AI_MEMORY_REFERENCE_VERSION=0.7.0",
            [SettingNames.NodeApiKey] = key,
            [SettingNames.CampaignId] = campaign,
        }) with { ResultsLogger = true };
        var work = Directory.CreateTempSubdirectory("shipgate-apikey-").FullName;

        var run = await WatchedRun.RunToEndAsync(request, work, HangBound);
        var files = Directory.EnumerateFiles(run.Directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".profile.json", StringComparison.Ordinal)) // the test's own input, not the run's output
            .ToList();
        var holding = files.Where(f => File.ReadAllText(f).Contains(key, StringComparison.Ordinal)).ToList();
        output.WriteLine($"child exit {run.Exit.ExitCode} in {run.Exit.Wall.TotalSeconds:0.0} s; {files.Count} files searched: "
            + string.Join(", ", files.Select(f => Path.GetRelativePath(run.Directory, f))));

        using var _ = new AssertionScope();
        run.Exit.ExitCode.Should().Be(0, "Phase 1 of a v0.7.0 node is green only when the gate's key reached it (log {0})", run.LogPath);
        files.Should().Contain(f => f.EndsWith(".trx", StringComparison.Ordinal)).And
            .Contain(f => f.EndsWith(Path.Combine(campaign, "campaign-summary.json"), StringComparison.Ordinal));
        holding.Should().BeEmpty("the key is a secret: no output of the campaign may print it");
        run.Left.None.Should().BeTrue($"the run leaves nothing behind, found {run.Left}");
    }
}
