using System.Net;
using Docker.DotNet;
using FluentAssertions;
using ShipGate.Fixtures.Cluster;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// A busy engine is slow, not down: a call that fails transiently is tried again until the budget runs out, the
/// attempts and the time are counted, and only then is the engine called unreachable, naming the budget. An answer
/// the engine means (a 4xx) is not retried. And the API version the gate speaks with each engine it may meet.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EngineRetryTests
{
    [Fact]
    public async Task ACallThatFailsTwiceIsAnsweredOnTheThirdAttempt()
    {
        var calls = 0;
        var (value, wait) = await EngineRetry.RunAsync("ping", TimeSpan.FromSeconds(30), t =>
            ++calls switch
            {
                1 => Task.FromException<string>(new IOException("Connection reset by peer")),
                2 => Task.FromException<string>(new DockerApiException(HttpStatusCode.InternalServerError, "context deadline exceeded")),
                _ => Task.FromResult("OK"),
            }, null, CancellationToken.None, boundAttempts: true);

        value.Should().Be("OK");
        wait.Attempts.Should().Be(3);
        wait.LastError.Should().Contain("context deadline exceeded");
        wait.Millis.Should().BeGreaterThanOrEqualTo(750, "the pauses were 0.25 s, then 0.5 s");
        EngineRetry.Retried.Should().Contain(wait);
    }

    [Fact]
    public async Task AnEngineSilentForTheWholeBudgetIsUnreachableNamingTheBudgetAndTheAttempts()
    {
        var calls = 0;
        var act = () => EngineRetry.RunAsync("Docker engine at unix:///x.sock", TimeSpan.FromSeconds(2), _ =>
        {
            calls++;
            return Task.FromException(new HttpRequestException("Connection refused"));
        }, null, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EngineBudgetException>()).Which;
        thrown.Message.Should().StartWith("Docker engine at unix:///x.sock: no answer within the 2 s budget (").And.EndWith("last: Connection refused)");
        thrown.Wait.Attempts.Should().Be(calls).And.BeGreaterThan(2, "pauses of 0.25 s, 0.5 s, 1 s fit a 2 s budget");
    }

    [Fact]
    public async Task AnEngineRefusalThatMeansItIsNotRetried()
    {
        var calls = 0;
        var act = () => EngineRetry.RunAsync("start", TimeSpan.FromSeconds(30), _ =>
        {
            calls++;
            return Task.FromException(new DockerApiException(HttpStatusCode.Conflict, "{\"message\":\"name in use\"}"));
        }, null, CancellationToken.None);

        await act.Should().ThrowAsync<DockerApiException>();
        calls.Should().Be(1);
    }

    [Theory]
    [InlineData("1.41", "1.12", "1.41")] // Debian's docker.io 20.10: refuses 1.44
    [InlineData("1.47", "1.24", "1.44")] // Docker 27: Testcontainers' own default
    [InlineData("1.52", "1.44", "1.44")] // Docker 29: its minimum is Testcontainers' default
    [InlineData("1.60", "1.50", "1.50")] // an engine that left 1.44 behind
    [InlineData("1.41", null, "1.41")] // Podman 4's compatibility API
    public void TheApiVersionIsTheNewestBothSpeak(string max, string? min, string spoken) =>
        EngineSetup.Negotiate(Version.Parse(max), min is null ? null : Version.Parse(min)).Should().Be(Version.Parse(spoken));
}
