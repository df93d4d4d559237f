using System.Diagnostics;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests.Support;

/// <summary>
/// The default system under test, published when a run finds none: an IDE's Run button or a plain
/// <c>dotnet test</c> has no <c>./shipgate</c> in front of it to publish the reference node first. The publish is
/// <c>./shipgate publish-reference</c> itself (its inputs hash, its toolchain, its lock: a second process waits for the
/// first one's publish and then finds it up to date), run once per test process, its lines in the test output and in
/// a log file a failure names. Only the default: a named executable or image is never built behind the user's back.
/// </summary>
public static class ReferenceNode
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _failure;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    /// <summary>A native AOT publish takes 1–5 min on a busy 2-core machine; 20 is a hang, not a slow link.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(20);

    /// <summary>Null when there is nothing to publish or the publish succeeded; else the one line the preflight facts carry.</summary>
    public static async Task<string?> EnsurePublishedAsync(GateSettings settings, Action<string> log)
    {
        if (!IsDefaultAndMissing(settings)) return null;
        await Once.WaitAsync();
        try
        {
            // A publish that failed is not tried again by the next phase of the same run: it would fail the same way.
            return _failure ??= IsDefaultAndMissing(settings) ? await PublishAsync(settings.RepoRoot, log) : null;
        }
        finally
        {
            Once.Release();
        }
    }

    private static bool IsDefaultAndMissing(GateSettings settings) =>
        settings.NodeImageName is null
        && settings.Sources.Any(s => s.Name == SettingNames.NodeExecutable && s.Source == SettingLayers.Default)
        && !File.Exists(settings.NodeExecutablePath);

    private static async Task<string?> PublishAsync(string root, Action<string> log)
    {
        var logFile = Path.Combine(root, "artifacts", "publish-reference.log");
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        log($"no reference node at {GateSettings.DefaultExecutable}: publishing it (./shipgate publish-reference, a few minutes once; log {logFile})");
        var psi = new ProcessStartInfo("bash", [Path.Combine(root, "shipgate"), "publish-reference"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would point the nested publish at this build's SDK state.
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(name);

        var clock = Stopwatch.StartNew();
        await using var file = new StreamWriter(logFile, append: false) { AutoFlush = true };
        using var process = Process.Start(psi)!;
        var lines = new Lock();
        void Line(string? text)
        {
            if (text is null) return;
            lock (lines) file.WriteLine(text);
            log($"publish: {text}");
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var bound = new CancellationTokenSource(Bound);
        var exited = process.WaitForExitAsync(bound.Token);
        while (await Task.WhenAny(exited, Task.Delay(Heartbeat)) != exited)
            log($"publish: still running after {clock.Elapsed.TotalSeconds:0} s");
        try
        {
            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return $"publishing the reference node did not finish within {Bound.TotalMinutes:0} min — see {logFile}; "
                + "or run ./shipgate publish-reference yourself";
        }

        if (process.ExitCode != 0)
            return $"publishing the reference node failed (./shipgate publish-reference exited {process.ExitCode}) — see {logFile}";
        log($"reference node ready after {clock.Elapsed.TotalSeconds:0} s (published here, or by the run this one waited for)");
        return null;
    }
}
