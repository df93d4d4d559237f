using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>Runs a set of child gate runs a few at a time, once the engine answers and the gate is built.</summary>
public static class ChildBatch
{
    public static async Task<IReadOnlyList<TOutcome>> RunAsync<TCase, TOutcome>(IEnumerable<TCase> cases, int atOnce, Func<TCase, Task<TOutcome>> run)
    {
        var (ok, error) = await DockerEngine.PingAsync(TimeSpan.FromSeconds(GateSettings.DefaultEngineWaitSecs));
        if (!ok) throw new InvalidOperationException($"no Docker engine answers at {DockerEngine.EndpointText(GateSettings.DockerHostOf())} ({error}): run "
            + "./shipgate platform");
        await GateBuild.EnsureAsync();

        using var slots = new SemaphoreSlim(atOnce);
        return await Task.WhenAll(cases.Select(async c =>
        {
            await slots.WaitAsync();
            try
            {
                return await run(c);
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
