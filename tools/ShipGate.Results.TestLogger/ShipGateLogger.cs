using System.Globalization;
using System.Text;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using ShipGate.Contract;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;

namespace ShipGate.Results.TestLogger;

/// <summary>
/// Converts a gate run into runs/&lt;campaign-id&gt;/ when it completes, whatever its outcome. It never changes the
/// run's result: any failure of its own is printed as one "shipgate-results: error:" line. Parameters
/// (runsettings Configuration or --logger "shipgate;Key=Value"): Out, Campaign, Ref. A run of some phases or
/// some facts (--filter) writes what it ran and a summary that fails as a partial campaign: only the merge of
/// all four phases can pass. It sets nothing in the environment.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(Uri)]
public sealed class ShipGateLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "shipgate";
    public const string Uri = "logger://shipgate/results";

    private readonly List<TestRecord> results = [];
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private Dictionary<string, string?> parameters = [];

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { [DefaultLoggerParameterNames.TestRunDirectory] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        this.parameters = new Dictionary<string, string?>(parameters, StringComparer.OrdinalIgnoreCase);
        events.TestResult += (_, e) => { lock (results) results.Add(Record(e.Result)); };
        events.TestRunComplete += (_, e) => Complete(e);
    }

    private void Complete(TestRunCompleteEventArgs e)
    {
        try
        {
            var outcome = e.IsAborted ? "Aborted" : e.IsCanceled ? "Aborted" : e.Error is not null ? "Error" : "Completed";
            List<TestRecord> tests;
            lock (results) tests = [.. results];
            if (outcome == "Completed" && !tests.Any(t => Fact.From(t, "").Phase is not null))
            {
                Console.WriteLine("shipgate-results: no gate phase ran in this test run; no results written");
                return;
            }

            // Campaign id, results folder and ref as the gate's settings class resolved them (recorded in the phase
            // record); the logger reads no environment of its own.
            var recorded = RecordedSettings.Of(tests);
            var campaign = Param("Campaign") ?? recorded.GetValueOrDefault(SettingNames.CampaignId)
                ?? started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var root = RepoRoot();
            var outDir = Param("Out") is { } o ? Path.GetFullPath(o, root)
                : Path.Combine(Path.GetFullPath(recorded.GetValueOrDefault(SettingNames.ResultsDir) ?? "runs", root), campaign);
            var options = new CampaignOptions(
                campaign,
                Param("Ref") ?? recorded.GetValueOrDefault(SettingNames.AiMemoryRef) ?? "unknown",
                CampaignOptions.GitCommit(root),
                DateTimeOffset.UtcNow);
            var run = new RunRecord($"vstest run {started:yyyy-MM-ddTHH:mm:ssZ}", null, outcome, tests, started, DateTimeOffset.UtcNow);
            Converter.Convert(() => [run], outDir, options, Console.Out);
        }
        catch (Exception ex)
        {
            // A logger must not break the test run; the failure stays visible in the run's output.
            Console.Error.WriteLine($"shipgate-results: error: the results converter failed ({ex.GetType().Name}: {ex.Message}); the test results themselves "
                + "are unaffected");
        }
    }

    private static TestRecord Record(TestResult r)
    {
        var stdout = new StringBuilder();
        foreach (var m in r.Messages.Where(m => m.Category == TestResultMessage.StandardOutCategory)) stdout.Append(m.Text);
        var fqn = r.TestCase.FullyQualifiedName;
        var outcome = r.Outcome switch
        {
            TestOutcome.Passed => "Passed",
            TestOutcome.Failed => "Failed",
            TestOutcome.Skipped => "NotExecuted",
            var other => other.ToString(),
        };
        return new TestRecord(
            r.TestCase.Id.ToString(),
            r.DisplayName ?? r.TestCase.DisplayName,
            fqn.Contains('.') ? fqn[..fqn.LastIndexOf('.')] : null,
            outcome,
            r.Duration,
            stdout.ToString(),
            r.ErrorMessage);
    }

    private string? Param(string key) => parameters.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    /// <summary>The nearest directory upwards from here that holds ShipGate.Tests.sln, else the current directory.</summary>
    private static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ShipGateLogger).Assembly.Location)
            ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ShipGate.Tests.sln"))) return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
