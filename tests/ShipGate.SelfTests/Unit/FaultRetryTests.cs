using System.Net;
using System.Reflection;
using Docker.DotNet;
using DotNet.Testcontainers.Containers;
using FluentAssertions;
using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The fault runner against an engine stand-in: a pause the engine refuses for a moment is tried again and counts
/// as applied once an attempt succeeded; a pause refused every time is not applied, and nothing is healed.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FaultRetryTests
{
    // What dockerd answered to a pause under load (cgroup freezer), as issue 23 recorded it at load average 3–4 on 2 cores.
    private const string Refusal = "{\"message\":\"OCI runtime pause failed: unable to freeze: unknown\"}";

    [Fact]
    public async Task APauseRefusedOnceIsRetriedAndApplied()
    {
        var engine = new PauseStandIn(refusals: 1);
        await using var runner = Runner(engine);

        var outcome = await runner.RunAsync(1, CancellationToken.None);

        outcome.Should().Be(new FaultOutcome(true, 2, null));
        engine.Calls.Should().Equal("pause", "pause", "unpause");
        runner.Timeline.Where(e => !IsConditions(e)).Select(e => (e.Action, Refused: e.Error is not null)).Should().Equal(
            ("docker pause", true), ("docker pause (attempt 2 of 3)", false), ("heal: docker unpause", false));
        runner.Timeline[0].Error.Should().Contain("unable to freeze");
        // Right after the refusal, what the host looked like (the stand-in's container has no cgroup: the host's part only).
        runner.Timeline[1].Action.Should().StartWith("at the refusal: load ").And.Contain("in D state");
    }

    [Fact]
    public async Task APauseRefusedEveryTimeIsNotAppliedAndNotHealed()
    {
        var engine = new PauseStandIn(refusals: FaultRunner.ApplyAttempts);
        await using var runner = Runner(engine);

        var outcome = await runner.RunAsync(1, CancellationToken.None);

        outcome.Applied.Should().BeFalse("no attempt froze the node");
        outcome.Attempts.Should().Be(FaultRunner.ApplyAttempts);
        outcome.Refusal.Should().Contain("unable to freeze");
        engine.Calls.Should().Equal(Enumerable.Repeat("pause", FaultRunner.ApplyAttempts), "a pause that never happened is not healed");
        runner.Timeline.Where(e => !IsConditions(e)).Should().HaveCount(FaultRunner.ApplyAttempts).And.OnlyContain(e => e.Error != null);
        runner.Timeline.Count(IsConditions).Should().Be(FaultRunner.ApplyAttempts, "each refusal is followed by the host's conditions");
    }

    private static bool IsConditions(FaultEvent e) => e.Action.StartsWith("at the refusal: ", StringComparison.Ordinal);

    private static FaultRunner Runner(PauseStandIn engine)
    {
        var nodes = Enumerable.Range(0, 3).Select(i => new ChaosNode(i, $"node-{(char)('a' + i)}", 9077, engine.Container)).ToList();
        var settings = GateSettings.Load(new DictionarySettingsSource(new Dictionary<string, string?>()), null, "/repo");
        return new FaultRunner(nodes, FaultClass.PausePeer, new FaultTools(settings, _ => { }));
    }

    /// <summary>The engine's pause and unpause: the first <c>refusals</c> pauses answer 500 as dockerd did; every other call succeeds.</summary>
    private sealed class PauseStandIn(int refusals)
    {
        public List<string> Calls { get; } = [];

        public IContainer Container
        {
            get
            {
                var container = DispatchProxy.Create<IContainer, ContainerProxy>();
                ((ContainerProxy)(object)container).Engine = this;
                return container;
            }
        }

        public Task Answer(string call)
        {
            lock (Calls)
            {
                Calls.Add(call);
                if (call == "pause" && Calls.Count(c => c == "pause") <= refusals)
                    return Task.FromException(new DockerApiException(HttpStatusCode.InternalServerError, Refusal));
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>An <see cref="IContainer"/> whose pause and unpause go to the stand-in; anything else is a test bug.</summary>
    public class ContainerProxy : DispatchProxy
    {
        internal object? Engine { get; set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => method?.Name switch
        {
            nameof(IContainer.PauseAsync) => ((PauseStandIn)Engine!).Answer("pause"),
            nameof(IContainer.UnpauseAsync) => ((PauseStandIn)Engine!).Answer("unpause"),
            "get_Id" => "stand-in",
            _ => throw new NotSupportedException($"the engine stand-in does not answer {method?.Name}"),
        };
    }
}
