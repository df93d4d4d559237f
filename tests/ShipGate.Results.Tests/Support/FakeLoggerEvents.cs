using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace ShipGate.Results.Tests.Support;

/// <summary>VSTest's logger events, raised by hand: what vstest.console does for a run.</summary>
public sealed class FakeLoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage;
    public override event EventHandler<TestRunStartEventArgs>? TestRunStart;
    public override event EventHandler<TestResultEventArgs>? TestResult;
    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;
    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart;
    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage;
    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests;
    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete;

    public void Result(string displayName, TestOutcome outcome, string stdout = "", string? error = null)
    {
        var testCase = new TestCase($"ShipGate.Tests.Phase{displayName[6]}Tests.M{Guid.NewGuid():N}", new Uri("executor://xunit/VsTestRunner3/netcore/"),
            "ShipGate.Tests.dll")
        {
            DisplayName = displayName,
        };
        var result = new TestResult(testCase) { Outcome = outcome, DisplayName = displayName, ErrorMessage = error, Duration = TimeSpan.FromMilliseconds(3) };
        if (stdout.Length > 0) result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, stdout));
        TestResult?.Invoke(this, new TestResultEventArgs(result));
    }

    /// <summary>The run starts with this test case filter (what `dotnet test --filter` passes).</summary>
    public void Start(string? filter) =>
        TestRunStart?.Invoke(this,
            new TestRunStartEventArgs(new TestRunCriteria(["ShipGate.Tests.dll"], 10, false, null, TimeSpan.FromSeconds(1), null, filter, null)));

    public void Complete(bool aborted = false) =>
        TestRunComplete?.Invoke(this, new TestRunCompleteEventArgs(null, false, aborted, null, null, TimeSpan.FromSeconds(1)));

    /// <summary>Keeps the compiler content: the events this fake never raises.</summary>
    public void Unused()
    {
        TestRunMessage?.Invoke(this, null!);
        DiscoveryStart?.Invoke(this, null!);
        DiscoveryMessage?.Invoke(this, null!);
        DiscoveredTests?.Invoke(this, null!);
        DiscoveryComplete?.Invoke(this, null!);
    }
}
