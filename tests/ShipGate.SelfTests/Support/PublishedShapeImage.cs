using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// The reference executable in an image shaped exactly like ai-memory's published one (its Dockerfile,
/// containers/ai-memory-reference/Dockerfile: bookworm-slim + ca-certificates, USER aimem, VOLUME /data,
/// ENTRYPOINT ai-memory, CMD serve), built FROM debian:bookworm-slim when present, else from the offline slim
/// base containers/scripts/platform-up.sh builds. Tagged by content, so it is built once per executable and base.
/// </summary>
public static class PublishedShapeImage
{
    public const string Repository = "shipgate/ai-memory-published-shape";
    public static readonly string[] SlimBases = ["debian:bookworm-slim", "shipgate/bookworm-slim:offline"];

    public static async Task<string> BuildAsync(TestLog log, CancellationToken ct)
    {
        var executable = GateSettings.FromEnvironment().NodeExecutablePath;
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} missing — publish the reference node first (./shipgate publish-reference)");
        string? slim = null;
        foreach (var candidate in SlimBases)
        {
            if (await ImageResolver.ExistsAsync(candidate, ct))
            {
                slim = candidate;
                break;
            }
        }

        if (slim is null)
            throw new InvalidOperationException($"none of {string.Join(", ", SlimBases)} is present — run containers/scripts/platform-up.sh");

        var dockerfile = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "containers", "ai-memory-reference", "Dockerfile"), ct);
        var tag = await RecipeImage.TagAsync(Repository, [await ImageResolver.ImageIdAsync(slim, ct), dockerfile], [executable], ct);
        if (await ImageResolver.ExistsAsync(tag, ct)) return tag;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RecipeImage.BuildAsync(tag, dockerfile, new Dictionary<string, string> { ["ai-memory"] = executable }, ct,
            new Dictionary<string, string> { ["BASE_IMAGE"] = slim });
        log.Line($"built {tag} FROM {slim} in {clock.Elapsed.TotalSeconds:0.0} s");
        return tag;
    }
}
