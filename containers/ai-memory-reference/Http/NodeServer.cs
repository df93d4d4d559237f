using System.Net;
using AiMemory.Reference.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AiMemory.Reference.Http;

/// <summary>
/// Builds the Kestrel app: every route v0.6.0 registers (contract §1.2), each a plain RequestDelegate so ASP.NET's own
/// binding never answers for us (no ProblemDetails). Unknown routes and wrong methods get routing's empty 404/405.
/// </summary>
public static class NodeServer
{
    public static WebApplication Build(NodeContext node, string host, int port)
    {
        // No appsettings reload: its watcher walks the whole working directory (inotify per folder) before listening.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            // The 2 MiB contract limit is enforced by RequestBody, which drains a little further to answer 413 cleanly.
            o.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            o.Listen(Address(host), port, l => l.Protocols = HttpProtocols.Http1);
        });
        // Signals are ours (ServeCommand): SIGTERM just ends the process, SIGINT drains gracefully.
        builder.Services.AddSingleton<IHostLifetime, SilentLifetime>();

        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            node.Metrics.Request();
            if (await ApiKey.AdmitAsync(ctx)) await ErrorBoundary.RunAsync(ctx, next);
        });
        Map(app, node);
        return app;
    }

    private static void Map(WebApplication app, NodeContext node)
    {
        // axum's get() also answers HEAD; Kestrel drops the body of a HEAD response.
        void Route(string method, string pattern, Func<HttpContext, NodeContext, Task> handler) =>
            app.MapMethods(pattern, method == "GET" ? ["GET", "HEAD"] : [method], (RequestDelegate)(ctx => handler(ctx, node)));

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

    /// <summary>No console lifetime: no Ctrl+C hook, no status lines.</summary>
    private sealed class SilentLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
