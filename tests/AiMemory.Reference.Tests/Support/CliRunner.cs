using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Tests.Support;

/// <summary>What one run of the node executable left behind.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The whole of stdout as JSON (pretty outputs span lines, so never parse line by line).</summary>
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException($"stdout is not JSON: {Stdout}");

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Runs the published `ai-memory` in a scratch directory: HOME inside it, the node's environment variables cleared
/// unless the test sets them, stdin closed after the given text, and a deadline after which the process tree is killed.
/// </summary>
public static class CliRunner
{
    public static readonly string[] NodeVariables =
    [
        "AI_MEMORY_DB", "AI_MEMORY_AGENT_ID", "AI_MEMORY_NO_CONFIG", "AI_MEMORY_ANONYMIZE", "AI_MEMORY_REFERENCE_FAULTS",
        "AI_MEMORY_REFERENCE_VERSION", "AI_MEMORY_PROFILE", "AI_MEMORY_TOOLS_VERBOSE", "AI_MEMORY_FED_TRUST_BODY_AGENT_ID",
        "AI_MEMORY_FED_SYNC_TRUST_PEER", "AI_MEMORY_FED_PEER_ATTESTATION",
    ];

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> RunAsync(ScratchDir dir, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? env = null, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(dir, args, env))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        }
        catch (IOException) { } // the process may exit without reading its input
        process.StandardInput.Close();

        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ai-memory {string.Join(' ', args)} did not exit within {timeout ?? DefaultTimeout}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(ScratchDir dir, params string[] args) => RunAsync(dir, args, env: null);

    public static ProcessStartInfo StartInfo(ScratchDir dir, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(PublishedNode.Path)
        {
            WorkingDirectory = dir.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in NodeVariables) psi.Environment.Remove(name);
        psi.Environment["HOME"] = dir.Home;
        foreach (var (name, value) in env ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        return psi;
    }
}
