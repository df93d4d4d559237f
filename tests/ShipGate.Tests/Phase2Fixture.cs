using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

/// <summary>Runs Phase 2 once for the class and keeps its evidence; never throws (a failure is evidence too).</summary>
public sealed class Phase2Fixture(IMessageSink sink) : IAsyncLifetime
{
    public Phase2Evidence Evidence { get; private set; } = Phase2Evidence.Failed("phase 2 never ran", null, 0);

    public async Task InitializeAsync()
    {
        var log = GateLog.To(sink);
        try
        {
            Evidence = await new Phase2Campaign(GateSettings.FromEnvironment(), log).RunAsync(CancellationToken.None);
        }
        catch (GateSettingsException e)
        {
            Evidence = Phase2Evidence.Failed(e.Message.ReplaceLineEndings(" | "), null, 0);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask; // the campaign removed its cluster before returning
}
