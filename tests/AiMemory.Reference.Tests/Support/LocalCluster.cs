namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// Three reference nodes on loopback, each federated with the other two (the phase-2 shape): W=2 by default,
/// --catchup-interval-secs 1 so catch-up is observable within a test.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private LocalCluster(IReadOnlyList<NodeProcess> nodes) => Nodes = nodes;

    public IReadOnlyList<NodeProcess> Nodes { get; }
    public NodeProcess Leader => Nodes[0];

    public static async Task<LocalCluster> StartAsync(int quorumWrites = 2, int timeoutMs = 2000, string? leaderFaults = null,
        string? config = null, IReadOnlyDictionary<string, string>? env = null)
    {
        var ports = Enumerable.Range(0, 3).Select(_ => NodeProcess.FreePort()).ToArray();
        var starting = ports.Select((port, i) => NodeProcess.StartAsync(
            [
                "--quorum-writes", quorumWrites.ToString(),
                "--quorum-peers", string.Join(",", ports.Where(p => p != port).Select(p => $"http://127.0.0.1:{p}")),
                "--quorum-timeout-ms", timeoutMs.ToString(),
                "--catchup-interval-secs", "1",
            ],
            faults: i == 0 ? leaderFaults : null, port: port, config: config, env: env)).ToList();
        return new LocalCluster(await Task.WhenAll(starting));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
