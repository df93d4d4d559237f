using System.Text;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
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

            // The same resolution and the same build as ./shipgate's judge (PublishTarget, Converter.Publish).
            var root = PublishTarget.RepoRoot(AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ShipGateLogger).Assembly.Location) ?? "");
            var target = PublishTarget.Resolve(tests, Param, root, started);
            var run = new RunRecord($"vstest run {started:yyyy-MM-ddTHH:mm:ssZ}", null, outcome, tests, started, DateTimeOffset.UtcNow);
            Converter.Publish(() => [run], target.OutDir, target.Options, Console.Out);
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
}
