using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Tests.Support;

/// <summary>One `ai-memory mcp` process driven over its stdin/stdout, one JSON line each way, every read bounded.</summary>
public sealed class McpClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private int _nextId;

    private McpClient(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static McpClient Start(ScratchDir dir, IReadOnlyDictionary<string, string>? env = null, params string[] args) =>
        new(Process.Start(CliRunner.StartInfo(dir, ["mcp", .. args], env))!);

    /// <summary>Starts a session and completes the handshake (initialize + the initialized notification).</summary>
    public static async Task<McpClient> StartInitializedAsync(ScratchDir dir, IReadOnlyDictionary<string, string>? env = null)
    {
        var client = Start(dir, env);
        await client.RequestAsync("initialize", new JsonObject { ["clientInfo"] = new JsonObject { ["name"] = "tests" } });
        await client.SendRawAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return client;
    }

    public async Task SendRawAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The next response line, or a TimeoutException naming what the server wrote to stderr.</summary>
    public async Task<JsonObject> ReadAsync()
    {
        using var cts = new CancellationTokenSource(ReadTimeout);
        string? line;
        try { line = await _process.StandardOutput.ReadLineAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"no MCP response within {ReadTimeout}"); }
        return line is null
            ? throw new EndOfStreamException($"mcp closed stdout; stderr: {(_process.HasExited ? await _stderr : "")}")
            : JsonNode.Parse(line)!.AsObject();
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters = null)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) request["params"] = parameters;
        await SendRawAsync(request.ToJsonString());
        var response = await ReadAsync();
        if (response["id"]?.GetValue<int>() != id) throw new InvalidOperationException($"response to another request: {response}");
        return response;
    }

    /// <summary>tools/call: the text of the single content item and whether the tool reported failure.</summary>
    public async Task<(string Text, bool IsError)> CallAsync(string tool, JsonObject? arguments = null)
    {
        var response = await RequestAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() });
        var result = response["result"] ?? throw new InvalidOperationException($"tools/call {tool} failed: {response}");
        return (result["content"]![0]!["text"]!.GetValue<string>(), result["isError"]?.GetValue<bool>() ?? false);
    }

    /// <summary>A tool call that must succeed and return JSON text.</summary>
    public async Task<JsonNode> CallJsonAsync(string tool, JsonObject? arguments = null)
    {
        var (text, isError) = await CallAsync(tool, arguments);
        if (isError) throw new InvalidOperationException($"{tool} failed: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Closes stdin and returns the exit code (the server exits at EOF).</summary>
    public async Task<int> CloseAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(ReadTimeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill(entireProcessTree: true);
        }
        await Task.CompletedTask;
        _process.Dispose();
    }
}
