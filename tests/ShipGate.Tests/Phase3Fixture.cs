using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

/// <summary>Runs Phase 3 once for the class and keeps its evidence; never throws (a failure is evidence too).</summary>
public sealed class Phase3Fixture(IMessageSink sink) : IAsyncLifetime
{
    public Phase3Evidence Evidence { get; private set; } = Phase3Evidence.Failed("phase 3 never ran", null, null, 0, 0);

    public async Task InitializeAsync()
    {
        var log = GateLog.To(sink);
        try
        {
            Evidence = await new Phase3Campaign(GateSettings.FromEnvironment(), log).RunAsync(CancellationToken.None);
        }
        catch (GateSettingsException e)
        {
            Evidence = Phase3Evidence.Failed(e.Message.ReplaceLineEndings(" | "), null, null, 0, 0);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask; // the campaign removed its containers before returning
}
