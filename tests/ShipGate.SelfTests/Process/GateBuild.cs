using System.Diagnostics;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>
/// Builds tests/ShipGate.Tests once per self-test process, so every child run can use --no-build and start in
/// seconds. A second attempt covers a build that collided with someone else's build of the same project.
/// </summary>
public static class GateBuild
{
    private static readonly Lazy<Task<string>> Once = new(BuildAsync);

    /// <summary>Completes when the gate is built; returns a one-line note. Throws with the build output on failure.</summary>
    public static Task<string> EnsureAsync() => Once.Value;

    private static async Task<string> BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var output = "";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepoRoot.Find(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])["build", "tests/ShipGate.Tests", "--nologo", "-v", "quiet"]) start.ArgumentList.Add(arg);
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                start.Environment.Remove(key);

            using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet build did not start");
            var stdout = build.StandardOutput.ReadToEndAsync();
            var stderr = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            output = await stdout + await stderr;
            if (build.ExitCode == 0) return $"gate built in {clock.Elapsed.TotalSeconds:0.0} s";
        }

        throw new InvalidOperationException($"dotnet build tests/ShipGate.Tests failed:{Environment.NewLine}{output}");
    }
}
