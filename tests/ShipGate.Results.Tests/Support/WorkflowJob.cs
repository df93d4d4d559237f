using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ShipGate.Results.Tests.Support;

/// <summary>
/// Runs chosen `run:` steps of one workflow job on this machine the way a GitHub runner does: the job's and the step's
/// env, `${{ … }}` replaced from a given context (plain property paths only; anything else fails the test), bash
/// --noprofile --norc -eo pipefail, a GITHUB_OUTPUT file per step whose lines become steps.ID.outputs, one
/// GITHUB_STEP_SUMMARY, RUNNER_TEMP; then the job's outputs evaluated from the steps. Steps that use an action
/// (checkout, artifacts) are the test's to stand in for, by preparing the working folder.
/// </summary>
internal sealed partial class WorkflowJob(Workflow workflow, string jobId, string workDir, string runnerTemp)
{
    private readonly JsonObject job = workflow.Jobs[jobId]!.AsObject();
    private readonly Dictionary<string, string> context = new(StringComparer.Ordinal);

    public string Summary { get; private set; } = "";

    public List<(string Step, int Exit, string Log)> Ran { get; } = [];

    /// <summary>Sets one context value, e.g. "inputs.mode" or "needs.campaign.outputs.id".</summary>
    public WorkflowJob With(string path, string value)
    {
        context[path] = value;
        return this;
    }

    /// <summary>Runs the steps with these ids in the job's order, as the runner would: a failed step ends the job.</summary>
    public WorkflowJob Run(params string[] stepIds)
    {
        var steps = (job["steps"] as JsonArray ?? []).Select(s => s!.AsObject()).Where(s => stepIds.Contains(Str(s, "id"))).ToList();
        steps.Select(s => Str(s, "id")).Should().BeEquivalentTo(stepIds, $"{workflow.Name} job {jobId} has each step named");
        foreach (var step in steps)
        {
            var exit = RunStep(step);
            if (exit != 0) break;
        }
        return this;
    }

    /// <summary>The job's outputs, each evaluated from what the steps wrote ("" for a step that did not run).</summary>
    public IReadOnlyDictionary<string, string> Outputs =>
        (job["outputs"] as JsonObject ?? []).ToDictionary(o => o.Key, o => Expand(o.Value!.GetValue<string>(), lenient: true));

    public int ExitOf(string stepId) => Ran.Single(r => r.Step == stepId).Exit;

    private int RunStep(JsonObject step)
    {
        var id = Str(step, "id")!;
        var script = Path.Combine(runnerTemp, $"step-{id}.sh");
        var output = Path.Combine(runnerTemp, $"output-{id}");
        var summary = Path.Combine(runnerTemp, "step-summary.md");
        File.WriteAllText(script, Expand(Str(step, "run") ?? throw new InvalidOperationException($"step {id} has no run:")));
        File.WriteAllText(output, "");

        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", script])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var env in new[] { job["env"], step["env"] }.OfType<JsonObject>().SelectMany(e => e))
            start.Environment[env.Key] = Expand(Scalar(env.Value));
        start.Environment["GITHUB_OUTPUT"] = output;
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        start.Environment["RUNNER_TEMP"] = runnerTemp;

        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        if (!bash.WaitForExit(180_000)) throw new TimeoutException($"step {id}: no exit within 3 min");
        Ran.Add((id, bash.ExitCode, stdout.Result + stderr.Result));

        foreach (var line in File.ReadAllLines(output).Where(l => l.Contains('=')))
            context[$"steps.{id}.outputs.{line[..line.IndexOf('=')]}"] = line[(line.IndexOf('=') + 1)..];
        Summary = File.Exists(summary) ? File.ReadAllText(summary) : "";
        return bash.ExitCode;
    }

    private string Expand(string text, bool lenient = false) => Expression().Replace(text, m =>
    {
        var path = m.Groups["path"].Value.Trim();
        if (context.TryGetValue(path, out var value)) return value;
        if (lenient && path.StartsWith("steps.", StringComparison.Ordinal)) return "";
        throw new InvalidOperationException($"{workflow.Name} job {jobId}: no value for ${{{{ {path} }}}} (give it with With)");
    });

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\$\{\{(?<path>[^}]*)\}\}")]
    private static partial Regex Expression();
}

/// <summary>Where the workflow's results job finds the converter: the build this test project references.</summary>
internal static class ResultsTool
{
    public static string BuildFolder
    {
        get
        {
            var config = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!; // bin/<Configuration>/<tfm>/
            var folder = Path.Combine(Repo.Root, "tools", "ShipGate.Results.Cli", "bin", config, "net10.0");
            File.Exists(Path.Combine(folder, "shipgate-results.dll")).Should().BeTrue($"the converter is built beside these tests ({folder})");
            return folder;
        }
    }
}

/// <summary>Text helpers for the reports the workflow tests print.</summary>
internal static class Lines
{
    public static string Of(IReadOnlyDictionary<string, string> map)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(key).Append('=').Append(value).Append('\n');
        return text.ToString();
    }
}
