using System.Globalization;
using System.Runtime.InteropServices;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Federation;
using AiMemory.Reference.Http;
using AiMemory.Reference.Release;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>
/// `ai-memory serve` (contract §2.1): the HTTP daemon, with quorum fan-out and HEAD's catch-up loop when federation
/// is on. SIGTERM is not intercepted (the process just dies, as v0.6.0's does); SIGINT drains within the grace window.
/// </summary>
public static class ServeCommand
{
    public sealed record Options
    {
        public string Host { get; init; } = "127.0.0.1";
        public int Port { get; init; } = 9077;
        public FederationOptions Federation { get; init; } = new();
        public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, GlobalOptions global)
    {
        var options = Parse(args);
        BindGuard.Check(options.Host);
        var faults = FaultSwitches.Current;
        // slow_start_5s (benign): a node that takes 5 s to listen; a gate that polls health still proceeds.
        if (faults.IsOn(FaultSwitches.SlowStart5s)) await Task.Delay(TimeSpan.FromSeconds(5));

        using var store = SqliteMemoryStore.Open(global.DbPath, faults);
        var federation = options.Federation.Enabled ? new QuorumWriter(options.Federation, faults) : null;
        var deferred = faults.IsOn(FaultSwitches.AckBeforeCommit) ? new DeferredWrites(store, federation) : null;
        var node = new NodeContext(store, faults, federation, deferred) { MaintenanceMarker = MaintenanceMarker.WatchedBy(global.DbPath, faults) };

        await using var app = NodeServer.Build(node, options.Host, options.Port);
        using var stop = new CancellationTokenSource();
        InterruptSignal.ResetIgnored();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx =>
        {
            ctx.Cancel = true;
            stop.Cancel();
        });
        // serve has no --tier: config.toml's `tier` (default semantic) decides what loads before it listens. It writes to
        // stderr, so it comes after the SIGINT registration: written before it, a SIGINT ended serve with 130 (measured).
        await EmbedderLoad.AttemptAsync(EmbedderLoad.Resolve(ConfigFile.Tier), "serve");

        await app.StartAsync();
        var background = new List<Task>
        {
            new CatchupLoop(options.Federation, store, faults).RunAsync(stop.Token),
        };
        if (deferred is not null) background.Add(deferred.RunAsync(stop.Token));

        // serve_dies_after_20s replays a daemon that crashed 20 s after it started listening; serve_exits_on_push_failure
        // one whose fan-out panicked on a failed push (exit 101, as a Rust panic in a daemon built with panic=abort).
        var dies = faults.IsOn(FaultSwitches.ServeDiesAfter20s);
        var lifetime = Task.Delay(dies ? TimeSpan.FromSeconds(20) : Timeout.InfiniteTimeSpan, stop.Token);
        var crashed = federation?.Crashed ?? new TaskCompletionSource<string>().Task;
        var ended = await Task.WhenAny(lifetime, crashed);
        var (fatal, code) = ended == crashed ? (await crashed, 101)
            : !stop.IsCancellationRequested ? ("fatal: serve_dies_after_20s: the daemon exits 20 s after it started listening", 1)
            : (null, 0);
        if (fatal is not null)
        {
            Console.Error.WriteLine(fatal);
            stop.Cancel();
        }

        using var grace = new CancellationTokenSource(fatal is not null ? TimeSpan.Zero : options.ShutdownGrace);
        await app.StopAsync(grace.Token);
        await Task.WhenAll(background);
        return code;
    }

    public static Options Parse(IReadOnlyList<string> args)
    {
        var o = new Options();
        var fed = new FederationOptions();
        var peers = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            string Value() => inline ?? (++i < args.Count ? args[i] : throw new UsageException($"a value is required for '{flag}' but none was supplied"));
            switch (flag)
            {
                case "--host": o = o with { Host = Value() }; break;
                case "--port": o = o with { Port = (int)Number(flag, Value(), 0, 65535) }; break;
                case "--quorum-writes": fed = fed with { QuorumWrites = (int)Number(flag, Value(), 0, int.MaxValue) }; break;
                case "--quorum-peers":
                    peers.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.TrimEnd('/')));
                    break;
                case "--quorum-timeout-ms": fed = fed with { Timeout = TimeSpan.FromMilliseconds(Number(flag, Value(), 1, int.MaxValue)) }; break;
                case "--catchup-interval-secs": fed = fed with { CatchupInterval = TimeSpan.FromSeconds(Number(flag, Value(), 0, int.MaxValue)) }; break;
                case "--shutdown-grace-secs": o = o with { ShutdownGrace = TimeSpan.FromSeconds(Number(flag, Value(), 0, int.MaxValue)) }; break;
                default: throw new UsageException($"unexpected argument '{args[i]}' found");
            }
        }
        return o with { Federation = fed with { Peers = peers } };
    }

    private static (string Flag, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static long Number(string flag, string value, long min, long max) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"invalid value '{value}' for '{flag}'");
}
