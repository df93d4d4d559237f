namespace AiMemory.Reference.Federation;

/// <summary>The serve flags that shape federation (contract §2.1), plus the sender id peers see.</summary>
public sealed record FederationOptions
{
    public IReadOnlyList<string> Peers { get; init; } = [];
    /// <summary>--quorum-writes as given; 0 = federation off.</summary>
    public int QuorumWrites { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(2000);
    /// <summary>Zero disables the catch-up loop.</summary>
    public TimeSpan CatchupInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The first catch-up pass runs this long after start (HEAD: 5 s).</summary>
    public TimeSpan CatchupFirstDelay { get; init; } = TimeSpan.FromSeconds(5);
    public string SenderId { get; init; } = "host:" + System.Net.Dns.GetHostName();

    public bool Enabled => QuorumWrites >= 1 && Peers.Count > 0;

    /// <summary>N counts the leader.</summary>
    public int N => 1 + Peers.Count;

    /// <summary>W silently clamped into [1, N].</summary>
    public int W => Math.Clamp(QuorumWrites, 1, N);
}
