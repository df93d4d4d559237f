using ShipGate.Fixtures.Campaigns;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests;

public sealed class Phase1Fixture(IMessageSink sink) : PhaseFixture<Phase1Evidence>(sink)
{
    protected override Task<Phase1Evidence> RunAsync(GateSettings settings, Action<string> log) =>
        new Phase1Campaign(settings, log).RunAsync(CancellationToken.None);

    protected override Phase1Evidence Failed(string reason) => Phase1Evidence.Failed(reason, null, 0);
}

public sealed class Phase2Fixture(IMessageSink sink) : PhaseFixture<Phase2Evidence>(sink)
{
    protected override Task<Phase2Evidence> RunAsync(GateSettings settings, Action<string> log) =>
        new Phase2Campaign(settings, log).RunAsync(CancellationToken.None);

    protected override Phase2Evidence Failed(string reason) => Phase2Evidence.Failed(reason, null, 0);
}

public sealed class Phase3Fixture(IMessageSink sink) : PhaseFixture<Phase3Evidence>(sink)
{
    protected override Task<Phase3Evidence> RunAsync(GateSettings settings, Action<string> log) =>
        new Phase3Campaign(settings, log).RunAsync(CancellationToken.None);

    protected override Phase3Evidence Failed(string reason) => Phase3Evidence.Failed(reason, null, null, 0, 0);
}

public sealed class Phase4Fixture(IMessageSink sink) : PhaseFixture<Phase4Evidence>(sink)
{
    /// <summary>Fault classes the settings enable; opt-in classes outside it are skipped, never run.</summary>
    public IReadOnlySet<string> Enabled { get; private set; } = new HashSet<string>();

    protected override Task<Phase4Evidence> RunAsync(GateSettings settings, Action<string> log)
    {
        Enabled = FaultClass.Enabled(settings.Faults).Select(c => c.Name).ToHashSet();
        return new Phase4Campaign(settings, log).RunAsync(CancellationToken.None);
    }

    protected override Phase4Evidence Failed(string reason) => Phase4Evidence.Failed(reason, null, [], 0);
}
