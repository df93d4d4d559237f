using AiMemory.Reference.Faults;
using AiMemory.Reference.Release;

namespace AiMemory.Reference.Cli;

/// <summary>
/// The `ai-memory` entry point (contract §3): global flags before or after the subcommand, dispatch, and the exit-code
/// policy — 0 ok, 1 runtime error ("Error: …" on stderr), 2 usage error (message plus a usage line on stderr).
/// </summary>
public static class CommandLine
{
    /// <summary>The crate version this node prints: 0.6.0, or 0.7.0 under AI_MEMORY_REFERENCE_VERSION.</summary>
    public static string Version => ReleaseVersion.Current;

    private delegate Task<int> Command(IReadOnlyList<string> args, GlobalOptions global);

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.Ordinal)
    {
        ["store"] = Sync(StoreCommand.Run),
        ["recall"] = Sync(RecallCommand.Run),
        ["stats"] = Sync(StatsCommand.Run),
        ["backup"] = Sync(BackupCommand.Run),
        ["restore"] = Sync(RestoreCommand.Run),
        ["curator"] = CuratorCommand.RunAsync,
        ["migrate"] = MigrateCommand.RunAsync,
        ["mcp"] = McpCommand.RunAsync,
        ["serve"] = ServeCommand.RunAsync,
        ["import"] = Sync(ImportCommand.Run),
        ["export"] = Sync(ExportCommand.Run),
        ["list"] = Sync(ListCommand.Run),
        ["get"] = Sync(GetCommand.Run),
        ["search"] = Sync(SearchCommand.Run),
        ["delete"] = Sync(DeleteCommand.Run),
        ["namespaces"] = Sync(NamespacesCommand.Run),
        ["gc"] = Sync(GcCommand.Run),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        string? command = null;
        try
        {
            var (global, dbGiven, rest) = ExtractGlobals(args);
            if (rest.Count == 0)
                throw new UsageException("a subcommand is required");
            command = rest[0];
            if (command is "--version" or "-V")
            {
                // version_bare_number replays a --version that lost the program name clap prints before it.
                Console.Out.WriteLine(FaultSwitches.Current.IsOn(FaultSwitches.VersionBareNumber) ? Version : $"ai-memory {Version}");
                return 0;
            }
            if (command is "--help" or "-h" or "help")
            {
                Console.Out.WriteLine(Usage.General);
                return 0;
            }
            if (!Commands.TryGetValue(command, out var run))
                throw new UsageException($"unrecognized subcommand '{command}'");

            _ = FaultSwitches.Current; // an unknown switch name fails here, before any work
            _ = ReleaseVersion.Current;
            ConfigFile.Load();
            var sub = rest.Skip(1).ToList();
            if (sub.Contains("--help") || sub.Contains("-h"))
            {
                Console.Out.WriteLine(Usage.For(command));
                return 0;
            }
            return await run(sub, global with { DbPath = ConfigFile.ResolveDb(global.DbPath, dbGiven) });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(command is not null && Commands.ContainsKey(command) ? Usage.For(command) : Usage.General);
            return 2;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Error: {Describe(e)}");
            return 1;
        }
    }

    /// <summary>Pulls --db, --json, --agent-id (and the accepted-but-unused --db-passphrase-file) out of any position.
    /// DbGiven says --db or AI_MEMORY_DB chose the path; the config file's `db` applies only otherwise.</summary>
    private static (GlobalOptions Global, bool DbGiven, List<string> Remaining) ExtractGlobals(string[] args)
    {
        string? db = null, agent = null;
        var json = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (TakeValue(args, ref i, "--db") is { } d) db = d;
            else if (TakeValue(args, ref i, "--agent-id") is { } ag) agent = ag;
            else if (TakeValue(args, ref i, "--db-passphrase-file") is not null) { }
            else if (a == "--json") json = true;
            else rest.Add(a);
        }
        var envDb = Environment.GetEnvironmentVariable("AI_MEMORY_DB");
        var envAgent = Environment.GetEnvironmentVariable("AI_MEMORY_AGENT_ID");
        return (new GlobalOptions
        {
            DbPath = db ?? (string.IsNullOrEmpty(envDb) ? "ai-memory.db" : envDb),
            Json = json,
            AgentId = agent ?? (string.IsNullOrEmpty(envAgent) ? null : envAgent),
        }, db is not null || !string.IsNullOrEmpty(envDb), rest);
    }

    private static string? TakeValue(string[] args, ref int i, string name)
    {
        if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        if (args[i] != name) return null;
        if (i + 1 >= args.Length) throw new UsageException($"a value is required for '{name}' but none was supplied");
        return args[++i];
    }

    // anyhow-style cause chain: "outer: inner".
    private static string Describe(Exception e) =>
        e is TypeInitializationException { InnerException: { } cause } ? Describe(cause)
        : e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.Message}: {Describe(inner)}" : e.Message;

    private static Command Sync(Func<IReadOnlyList<string>, GlobalOptions, int> run) =>
        (args, global) => Task.FromResult(run(args, global));
}
