using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// A GitHub workflow file read as JSON (containers/scripts/yq.sh: Debian's yq, installed when missing), with the few
/// views the workflow tests need.
/// </summary>
internal sealed class Workflow(string path, JsonObject root)
{
    public static readonly string Folder = System.IO.Path.Combine(Repo.Root, ".github", "workflows");

    public string Path { get; } = path;

    public JsonObject Root { get; } = root;

    public string Name => System.IO.Path.GetFileName(Path);

    public static Workflow Load(string path) => new(path, (JsonObject)JsonNode.Parse(ToJson(File.ReadAllText(path)))!);

    public static Workflow FromText(string name, string yaml) => new(name, (JsonObject)JsonNode.Parse(ToJson(yaml))!);

    public static IReadOnlyList<Workflow> All() =>
        Directory.GetFiles(Folder, "*.yml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public JsonObject Jobs => Root["jobs"]!.AsObject();

    public JsonObject? Call => Root["on"]?["workflow_call"] as JsonObject;

    public IEnumerable<string> CallInputs => Names(Call?["inputs"]);

    public IEnumerable<string> RequiredCallInputs =>
        Call?["inputs"] is JsonObject inputs ? inputs.Where(i => i.Value?["required"]?.GetValue<bool>() == true).Select(i => i.Key) : [];

    public IEnumerable<string> CallSecrets => Names(Call?["secrets"]);

    public IEnumerable<string> CallOutputs => Names(Call?["outputs"]);

    /// <summary>Every step of every job, with its job's id.</summary>
    public IEnumerable<(string Job, JsonObject Step)> Steps =>
        Jobs.SelectMany(j => (j.Value?["steps"] as JsonArray ?? []).Select(s => (j.Key, (JsonObject)s!)));

    /// <summary>A job's declared permissions, scope → level ("read" / "write"); empty when it declares none.</summary>
    public static IReadOnlyDictionary<string, string> Permissions(JsonNode? job) =>
        job?["permissions"] is JsonObject p ? p.ToDictionary(x => x.Key, x => x.Value!.GetValue<string>()) : new Dictionary<string, string>();

    private static IEnumerable<string> Names(JsonNode? map) => map is JsonObject o ? o.Select(x => x.Key) : [];

    private static string ToJson(string yaml)
    {
        var script = System.IO.Path.Combine(Repo.Root, "containers", "scripts", "yq.sh");
        var start = new ProcessStartInfo("bash", [script, "."]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var yq = Process.Start(start) ?? throw new InvalidOperationException("yq did not start");
        yq.StandardInput.Write(yaml);
        yq.StandardInput.Close();
        var stdout = yq.StandardOutput.ReadToEndAsync();
        var stderr = yq.StandardError.ReadToEnd();
        if (!yq.WaitForExit(300_000)) throw new TimeoutException("yq.sh did not finish within 5 min (an install included)");
        if (yq.ExitCode != 0) throw new InvalidOperationException($"yq exit {yq.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
