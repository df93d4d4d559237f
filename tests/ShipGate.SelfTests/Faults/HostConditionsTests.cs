using DotNet.Testcontainers.Builders;
using FluentAssertions;
using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Faults;

/// <summary>
/// The conditions a pause refusal records, read from a real container on this host's engine: its freezer cgroup
/// found from its init's pid, thawed while it runs and frozen once the engine paused it.
/// </summary>
[Trait("Category", "Engine")]
public sealed class HostConditionsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheTargetsFreezerIsReadThawedThenFrozen()
    {
        // Testcontainers reads its engine configuration once: the engine is reached (and the API version set) first.
        (await DockerEngine.PingAsync(TimeSpan.FromSeconds(GateSettings.DefaultEngineWaitSecs))).Error.Should().BeNull();
        await using var container = new ContainerBuilder(ImageResolver.OfflineSlimBase)
            .WithLabel(RunLabels.For(RunLabels.KindNode))
            .WithEntrypoint("sleep")
            .WithCommand("infinity")
            .Build();
        await container.StartAsync();
        var pid = (int)((await DockerEngine.Client.Containers.InspectContainerAsync(container.Id)).State?.Pid ?? 0);

        var running = HostConditions.Describe(container.Id, pid);
        await container.PauseAsync();
        var paused = HostConditions.Describe(container.Id, pid);
        await container.UnpauseAsync();
        output.WriteLine($"running: {running}");
        output.WriteLine($"paused:  {paused}");

        running.Should().StartWith("load ").And.Contain("in D state").And.MatchRegex("target (freezer THAWED|cgroup.freeze 0)");
        paused.Should().MatchRegex("target (freezer FROZEN|cgroup.freeze 1)");
    }
}
