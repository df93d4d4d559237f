using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiMemory.Reference.Faults;

/// <summary>
/// agent_rate_limit_10: a rate limiter that should never have shipped. An agent's creates beyond
/// <see cref="Limit"/> within <see cref="Window"/> are refused with 429, whatever the load.
/// </summary>
public static class AgentRateLimit
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<string, Queue<long>> Seen = new(StringComparer.Ordinal);

    /// <summary>Counts this create against the agent and says whether it is within the limit.</summary>
    public static bool Allows(string agentId)
    {
        var recent = Seen.GetOrAdd(agentId, _ => new Queue<long>());
        lock (recent)
        {
            var now = Stopwatch.GetTimestamp();
            while (recent.TryPeek(out var at) && Stopwatch.GetElapsedTime(at, now) > Window) recent.Dequeue();
            if (recent.Count >= Limit) return false;
            recent.Enqueue(now);
            return true;
        }
    }
}
