using System.Diagnostics;

namespace AiMemory.Reference.Tests.Support;

/// <summary>Waits to a deadline instead of sleeping, and says how the wait ended.</summary>
public static class Poll
{
    public sealed record Outcome(bool Met, TimeSpan Elapsed);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<Outcome> UntilAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return new Outcome(true, clock.Elapsed);
            if (clock.Elapsed >= deadline) return new Outcome(false, clock.Elapsed);
            await Task.Delay(Interval);
        }
    }

    /// <summary>True when the condition held on every check for the whole window (proving something does not happen).</summary>
    public static async Task<bool> StaysAsync(Func<Task<bool>> condition, TimeSpan window)
    {
        var result = await UntilAsync(async () => !await condition(), window);
        return !result.Met;
    }
}
