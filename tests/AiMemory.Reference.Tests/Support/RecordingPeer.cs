using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// A stand-in peer that records every request it gets (method, path, headers, body) and answers each with the next
/// status of its script (the last one repeats): shows what a leader sends to its peers and how it treats an answer.
/// </summary>
public sealed class RecordingPeer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly int[] _statuses;
    private readonly Task _serving;
    private int _answered;

    public RecordingPeer(params int[] statuses)
    {
        _statuses = statuses.Length > 0 ? statuses : [200];
        Port = NodeProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTime At)
    {
        public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public IReadOnlyList<Request> Requests => [.. _requests];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = ctx.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => ctx.Request.Headers[k] ?? "");
            _requests.Enqueue(new Request(ctx.Request.HttpMethod, ctx.Request.Url!.PathAndQuery, headers, body, DateTime.UtcNow));
            var status = _statuses[Math.Min(Interlocked.Increment(ref _answered) - 1, _statuses.Length - 1)];
            var answer = Encoding.UTF8.GetBytes(ctx.Request.HttpMethod == "GET" ? """{"count":0,"limit":500,"memories":[]}""" : "{}");
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = answer.Length;
            try { await ctx.Response.OutputStream.WriteAsync(answer); ctx.Response.Close(); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close stops and releases the prefix; a second release (Stop, then Close) can throw once the port is reused.
        try { _listener.Close(); }
        catch (HttpListenerException) { }
        await _serving;
    }
}
