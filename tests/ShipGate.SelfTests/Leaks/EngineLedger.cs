using Docker.DotNet.Models;
using ShipGate.Fixtures.Cluster;

namespace ShipGate.SelfTests.Leaks;

/// <summary>
/// What the engine still holds of given runs, asked through its API: containers and networks by their
/// shipgate.run label, and volumes, which carry no label: those the runs mounted, plus any volume created
/// since a baseline that no container uses (a leaked anonymous volume looks exactly like that).
/// </summary>
public static class EngineLedger
{
    public static async Task<IReadOnlySet<string>> VolumeNamesAsync(CancellationToken ct) =>
        (await DockerEngine.Client.Volumes.ListAsync(ct)).Volumes?.Select(v => v.Name).ToHashSet() ?? [];

    public static async Task<Leftovers> LeftoversAsync(
        IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> mountedVolumes, IReadOnlySet<string> volumesBefore, CancellationToken ct)
    {
        var docker = DockerEngine.Client;
        var containers = new List<string>();
        var networks = new List<string>();
        foreach (var run in runIds)
        {
            var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RunLabels.Run}={run}"] = true } };
            containers.AddRange((await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct))
                .Select(c => $"{c.Names.FirstOrDefault()?.TrimStart('/')} ({c.State})"));
            networks.AddRange((await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct)).Select(n => n.Name));
        }

        var dangling = new Dictionary<string, IDictionary<string, bool>> { ["dangling"] = new Dictionary<string, bool> { ["true"] = true } };
        var now = await VolumeNamesAsync(ct);
        var unused = (await docker.Volumes.ListAsync(new VolumesListParameters { Filters = dangling }, ct)).Volumes?.Select(v => v.Name).ToHashSet() ?? [];
        var volumes = now.Where(v => mountedVolumes.Contains(v) || (!volumesBefore.Contains(v) && unused.Contains(v))).Order().ToList();
        return new Leftovers(containers, networks, volumes);
    }

    /// <summary>Polls until nothing of the runs is left or the bound passes; returns the last look.</summary>
    public static async Task<Leftovers> SettleAsync(
        IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> mountedVolumes, IReadOnlySet<string> volumesBefore, TimeSpan bound,
            CancellationToken ct)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            var left = await LeftoversAsync(runIds, mountedVolumes, volumesBefore, ct);
            if (left.None || DateTime.UtcNow >= until) return left;
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }
}

public sealed record Leftovers(IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes)
{
    public bool None => Containers.Count == 0 && Networks.Count == 0 && Volumes.Count == 0;

    public override string ToString() =>
        $"{Containers.Count} container(s), {Networks.Count} network(s), {Volumes.Count} volume(s)" +
        (None ? "" : $": {string.Join(", ", Containers.Concat(Networks).Concat(Volumes))}");
}
