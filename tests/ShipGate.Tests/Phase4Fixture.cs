using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

/// <summary>Runs Phase 4 once for the class and keeps its evidence; never throws (a failure is evidence too).</summary>
public sealed class Phase4Fixture(IMessageSink sink) : IAsyncLifetime
{
    public Phase4Evidence Evidence { get; private set; } = Phase4Evidence.Failed("phase 4 never ran", null, [], 0);

    /// <summary>Fault classes the settings enable; opt-in classes outside it are skipped, never run.</summary>
    public IReadOnlySet<string> Enabled { get; private set; } = new HashSet<string>();

    public async Task InitializeAsync()
    {
        var log = GateLog.To(sink);
        try
        {
            var settings = GateSettings.FromEnvironment();
            Enabled = FaultClass.Enabled(settings.Faults).Select(c => c.Name).ToHashSet();
            Evidence = await new Phase4Campaign(settings, log).RunAsync(CancellationToken.None);
        }
        catch (GateSettingsException e)
        {
            Evidence = Phase4Evidence.Failed(e.Message.ReplaceLineEndings(" | "), null, [], 0);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask; // the campaign removed its cluster before returning
}
