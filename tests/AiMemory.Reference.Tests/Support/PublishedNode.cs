using System.Diagnostics;

namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// The published reference-node executable the contract tests run. AI_MEMORY_REFERENCE_BIN names one explicitly;
/// otherwise artifacts/ai-memory-reference/ai-memory under the repository root, published once per test run
/// when missing or older than the node's sources.
/// </summary>
public static class PublishedNode
{
    private static readonly Lazy<string> Executable = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Executable.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Resolve()
    {
        var explicitBin = Environment.GetEnvironmentVariable("AI_MEMORY_REFERENCE_BIN");
        if (!string.IsNullOrEmpty(explicitBin))
            return File.Exists(explicitBin) ? explicitBin
                : throw new FileNotFoundException($"AI_MEMORY_REFERENCE_BIN points at {explicitBin}, which does not exist");

        var project = System.IO.Path.Combine(RepositoryRoot, "containers", "ai-memory-reference");
        var outDir = System.IO.Path.Combine(RepositoryRoot, "artifacts", "ai-memory-reference");
        var exe = System.IO.Path.Combine(outDir, "ai-memory");
        if (!File.Exists(exe) || NewestSource(project) > File.GetLastWriteTimeUtc(exe))
            Publish(project, outDir);
        return exe;
    }

    private static DateTime NewestSource(string project) =>
        Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}")
                        && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}"))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    private static void Publish(string project, string outDir)
    {
        var psi = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", outDir, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // A Native AOT publish takes 1-5 min on a busy 2-core machine; 15 is a hang, not a slow compile.
        if (!p.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of the reference node took over 15 minutes");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish of the reference node failed:\n{stdout.Result}\n{stderr.Result}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ShipGate.Tests.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("ShipGate.Tests.sln not found above " + AppContext.BaseDirectory);
    }
}
