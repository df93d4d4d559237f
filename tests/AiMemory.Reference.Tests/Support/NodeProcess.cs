using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// One published reference node as a local process: `ai-memory serve` on a free loopback port, its own database
/// and HOME in a temp directory. Start waits for a healthy answer; Kill is SIGKILL; Dispose kills and cleans up.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(30);
    private readonly string _dir;
    private readonly IReadOnlyList<string> _serveArgs;
    private readonly string? _faults;
    private readonly string? _config;
    private readonly IReadOnlyDictionary<string, string> _env;
    private readonly ConcurrentQueue<string> _stderr = new();
    private Process? _process;

    private NodeProcess(int port, IReadOnlyList<string> serveArgs, string? faults, bool sigintIgnored, string? config,
        IReadOnlyDictionary<string, string>? env)
    {
        _env = env ?? new Dictionary<string, string>();
        SigintIgnored = sigintIgnored;
        Port = port;
        _serveArgs = serveArgs;
        _faults = faults;
        _config = config;
        _dir = Directory.CreateTempSubdirectory("ai-memory-node-").FullName;
        if (config is not null)
        {
            var path = Path.Combine(_dir, ".config", "ai-memory", "config.toml");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, config);
        }
        Client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }
    /// <summary>Started as a shell starts a background job: with SIGINT ignored (inherited SIG_IGN).</summary>
    public bool SigintIgnored { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public string DbPath => Path.Combine(_dir, "node.db");
    public HttpClient Client { get; }
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    /// <summary>How long the last Start took from process launch to the first healthy answer.</summary>
    public TimeSpan StartupTime { get; private set; }
    /// <summary>Every stderr line the node has written so far, across restarts.</summary>
    public string Stderr => string.Join('\n', _stderr);

    /// <summary>
    /// Starts a node; serveArgs follow `serve --host 127.0.0.1 --port N`. faults sets AI_MEMORY_REFERENCE_FAULTS. config, when
    /// given, is written as $HOME/.config/ai-memory/config.toml and read (otherwise AI_MEMORY_NO_CONFIG skips it). env
    /// adds variables (AI_MEMORY_REFERENCE_VERSION among them; unset means the node's default, v0.6.0).
    /// </summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyList<string>? serveArgs = null, string? faults = null, int? port = null,
        bool sigintIgnored = false, string? config = null, bool waitHealthy = true, IReadOnlyDictionary<string, string>? env = null)
    {
        var node = new NodeProcess(port ?? FreePort(), serveArgs ?? [], faults, sigintIgnored, config, env);
        await node.RestartAsync(waitHealthy);
        return node;
    }

    /// <summary>Starts (again) on the same port and database; waits for health.</summary>
    public async Task RestartAsync(bool waitHealthy = true)
    {
        Kill();
        var psi = new ProcessStartInfo(SigintIgnored ? "/bin/sh" : PublishedNode.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // exec keeps the pid, so Signal still reaches the node.
        if (SigintIgnored) foreach (var a in new[] { "-c", "trap '' INT; exec \"$0\" \"$@\"", PublishedNode.Path }) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "serve", "--host", "127.0.0.1", "--port", Port.ToString() }.Concat(_serveArgs)) psi.ArgumentList.Add(a);
        psi.Environment["AI_MEMORY_DB"] = DbPath;
        psi.Environment["HOME"] = _dir;
        if (_config is null) psi.Environment["AI_MEMORY_NO_CONFIG"] = "1";
        else psi.Environment.Remove("AI_MEMORY_NO_CONFIG");
        psi.Environment["AI_MEMORY_REFERENCE_FAULTS"] = _faults ?? "";
        foreach (var name in CliRunner.NodeVariables.Where(n => n.StartsWith("AI_MEMORY_FED_") || n == "AI_MEMORY_REFERENCE_VERSION"))
            psi.Environment.Remove(name);
        foreach (var (name, value) in _env) psi.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + PublishedNode.Path);
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!waitHealthy) return;
        var healthy = await Poll.UntilAsync(async () => await IsHealthyAsync(), ReadyDeadline);
        if (!healthy.Met)
            throw new TimeoutException($"node on port {Port} not healthy after {ReadyDeadline.TotalSeconds} s (exited: {_process.HasExited})");
        StartupTime = clock.Elapsed;
    }

    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var r = await Client.GetAsync("/api/v1/health", cts.Token);
            return r.StatusCode == HttpStatusCode.OK && (await r.Content.ReadAsStringAsync(cts.Token)).Contains("\"ok\"");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends a POSIX signal by name (INT, TERM, STOP, CONT) and returns at once.</summary>
    public void Signal(string name)
    {
        if (Pid is not { } pid) return;
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, pid.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit(5000);
    }

    /// <summary>The exit code once the process has ended, or null if it is still running at the deadline.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan deadline)
    {
        if (_process is null) return null;
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL, as the chaos harness does.</summary>
    public void Kill()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nobody listens on right now (also used as a "dead peer" address).</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
