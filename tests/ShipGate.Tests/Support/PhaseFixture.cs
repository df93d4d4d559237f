using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests.Support;

/// <summary>
/// Runs one phase's campaign once for its test class and keeps the evidence record the facts read. Never
/// throws: bad settings, like a cluster that never came up, become evidence whose preflight fact is red.
/// The campaign removes its containers before returning, so disposal has nothing left to do.
/// </summary>
public abstract class PhaseFixture<TEvidence>(IMessageSink sink) : IAsyncLifetime where TEvidence : class
{
    private TEvidence? _evidence;

    public TEvidence Evidence => _evidence ?? Failed("the phase fixture never ran");

    public async Task InitializeAsync()
    {
        var log = GateLog.To(sink);
        try
        {
            _evidence = await RunAsync(GateSettings.FromEnvironment(), log);
        }
        catch (GateSettingsException e)
        {
            log($"settings rejected: {e.Message.ReplaceLineEndings(" | ")}");
            _evidence = Failed(e.Message.ReplaceLineEndings(" | "));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<TEvidence> RunAsync(GateSettings settings, Action<string> log);

    /// <summary>Evidence of a phase that could not act, carrying the one line that says why.</summary>
    protected abstract TEvidence Failed(string reason);
}
