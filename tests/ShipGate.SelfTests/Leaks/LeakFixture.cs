using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Settings;
using ShipGate.SelfTests.ChildProcesses;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// Shared by the leak tests: the gate built once for --no-build child runs, a scratch directory for their
/// runsettings, logs and TRX files, and an engine that answers (a leak test without one proves nothing).
/// </summary>
public sealed class LeakFixture : IAsyncLifetime
{
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("shipgate-leaks-").FullName;

    public string BuildNote { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (ok, error) = await DockerEngine.PingAsync(TimeSpan.FromSeconds(GateSettings.DefaultEngineWaitSecs));
        if (!ok) throw new InvalidOperationException($"no Docker engine answers at {DockerEngine.EndpointText(GateSettings.DockerHostOf())} ({error}): run "
            + "./shipgate platform");
        BuildNote = await GateBuild.EnsureAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask; // the scratch directory stays for a look at the child logs
}
