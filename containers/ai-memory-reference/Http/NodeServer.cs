using System.Net;
using AiMemory.Reference.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace AiMemory.Reference.Http;

/// <summary>
/// Kestrel with nothing around it: every route v0.6.0 registers (contract §1.2), each a plain RequestDelegate, so no
/// framework binding answers for us (no ProblemDetails); unknown routes and wrong methods get routing's empty 404/405
/// (<see cref="RouteTable"/>). No generic host: its dependency injection builds open generic types at run time, which
/// under Native AOT cost a start more CPU than everything else together.
/// </summary>
public sealed class NodeServer : IHttpApplication<HttpContext>, IAsyncDisposable
{
    private readonly KestrelServer _kestrel;
    private readonly NodeContext _node;
    private readonly RouteTable _routes = new();
    private readonly ILogger _log;

    private NodeServer(NodeContext node, string host, int port)
    {
        _node = node;
        var log = new StderrLog();
        _log = log.CreateLogger("ai-memory");
        var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = new NoServices(log) };
        // The 2 MiB contract limit is enforced by RequestBody, which drains a little further to answer 413 cleanly.
        options.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
        options.Listen(Address(host), port, l => l.Protocols = HttpProtocols.Http1);
        _kestrel = new KestrelServer(Options.Create(options), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), log), log);
        Map(_routes);
    }

    public static NodeServer Build(NodeContext node, string host, int port) => new(node, host, port);

    public Task StartAsync() => _kestrel.StartAsync(this, CancellationToken.None);

    public Task StopAsync(CancellationToken ct) => _kestrel.StopAsync(ct);

    public ValueTask DisposeAsync()
    {
        _kestrel.Dispose();
        return ValueTask.CompletedTask;
    }

    HttpContext IHttpApplication<HttpContext>.CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    async Task IHttpApplication<HttpContext>.ProcessRequestAsync(HttpContext ctx)
    {
        _node.Metrics.Request();
        if (await ApiKey.AdmitAsync(ctx)) await ErrorBoundary.RunAsync(ctx, () => _routes.DispatchAsync(ctx), _log);
    }

    void IHttpApplication<HttpContext>.DisposeContext(HttpContext context, Exception? exception)
    {
    }

    private void Map(RouteTable routes)
    {
        // axum's get() also answers HEAD; Kestrel drops the body of a HEAD response.
        void Route(string method, string pattern, Func<HttpContext, NodeContext, Task> handler) =>
            routes.Add(method, pattern, ctx => handler(ctx, _node));

        Route("GET", "/api/v1/health", ReadRoutes.Health);
        Route("GET", "/metrics", ReadRoutes.Metrics);
        Route("GET", "/api/v1/metrics", ReadRoutes.Metrics);
        Route("GET", "/api/v1/memories", MemoryRoutes.List);
        Route("POST", "/api/v1/memories", CreateRoutes.Create);
        Route("POST", "/api/v1/memories/bulk", CreateRoutes.Bulk);
        Route("GET", "/api/v1/memories/{id}", MemoryRoutes.Get);
        Route("PUT", "/api/v1/memories/{id}", MemoryRoutes.Update);
        Route("DELETE", "/api/v1/memories/{id}", MemoryRoutes.Delete);
        Route("POST", "/api/v1/memories/{id}/promote", MemoryRoutes.Promote);
        Route("GET", "/api/v1/stats", ReadRoutes.Stats);
        Route("GET", "/api/v1/namespaces", ReadRoutes.Namespaces);
        Route("GET", "/api/v1/recall", RecallRoutes.RecallGet);
        Route("POST", "/api/v1/recall", RecallRoutes.RecallPost);
        Route("GET", "/api/v1/search", RecallRoutes.Search);
        Route("POST", "/api/v1/forget", LifecycleRoutes.Forget);
        Route("POST", "/api/v1/consolidate", LifecycleRoutes.Consolidate);
        Route("POST", "/api/v1/gc", LifecycleRoutes.Gc);
        Route("POST", "/api/v1/links", LinkRoutes.Create);
        Route("GET", "/api/v1/links/{id}", LinkRoutes.Get);
        Route("GET", "/api/v1/export", TransferRoutes.Export);
        Route("POST", "/api/v1/import", TransferRoutes.Import);
        Route("GET", "/api/v1/archive", ArchiveRoutes.List);
        Route("DELETE", "/api/v1/archive", ArchiveRoutes.Purge);
        Route("POST", "/api/v1/archive/{id}/restore", ArchiveRoutes.Restore);
        Route("GET", "/api/v1/archive/stats", ArchiveRoutes.Stats);
        Route("GET", "/api/v1/agents", AgentRoutes.List);
        Route("POST", "/api/v1/agents", AgentRoutes.Register);
        Route("GET", "/api/v1/pending", PendingRoutes.List);
        Route("POST", "/api/v1/pending/{id}/approve", PendingRoutes.Approve);
        Route("POST", "/api/v1/pending/{id}/reject", PendingRoutes.Reject);
        Route("POST", "/api/v1/sync/push", SyncRoutes.Push);
        Route("GET", "/api/v1/sync/since", SyncRoutes.Since);
    }

    private static IPAddress Address(string host) =>
        host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var ip) ? ip
        : Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new ArgumentException($"cannot resolve --host {host}");

    /// <summary>What Kestrel asks its application services for: only a logger factory.</summary>
    private sealed class NoServices(ILoggerFactory log) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? log : null;
    }
}
