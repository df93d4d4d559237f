using FluentAssertions;
using ShipGate.Fixtures.Campaigns;

namespace ShipGate.SelfTests.Unit;

/// <summary>The loop shape HostHeartbeat and RunWatcher share: disposing cancels the loop and returns once it ended.</summary>
[Trait("Category", "Unit")]
public sealed class BackgroundLoopTests
{
    [Fact]
    public async Task DisposingCancelsTheLoopAndReturnsAfterItEnded()
    {
        var running = new TaskCompletionSource();
        var ended = false;
        var loop = BackgroundLoop.Start(async stop =>
        {
            running.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            finally
            {
                ended = true;
            }
        });
        await running.Task;

        await loop.DisposeAsync();

        ended.Should().BeTrue();
    }

    [Fact]
    public async Task AFailureOfTheLoopSurfacesOnDispose()
    {
        var loop = BackgroundLoop.Start(_ => Task.FromException(new InvalidOperationException("loop broke")));

        var dispose = async () => await loop.DisposeAsync();

        await dispose.Should().ThrowAsync<InvalidOperationException>().WithMessage("loop broke");
    }
}
