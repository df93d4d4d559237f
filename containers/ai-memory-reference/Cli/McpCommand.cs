using System.Text;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Mcp;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory mcp [--tier …]` (contract §3.8): the stdio MCP server over the local store; exit 0 at EOF.</summary>
public static class McpCommand
{
    public static readonly IReadOnlyList<string> FeatureTiers = ["keyword", "semantic", "smart", "autonomous"];

    /// <summary>The --tier asked for (default semantic); without models the node serves keyword either way.</summary>
    public static string RequestedTier { get; private set; } = "semantic";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["--tier"], []);
        RequestedTier = a.String("tier") ?? "semantic";
        if (!FeatureTiers.Contains(RequestedTier))
            throw new UsageException($"invalid value '{RequestedTier}' for '--tier' (possible values: {string.Join(", ", FeatureTiers)})");
        if (RequestedTier != "keyword")
            Console.Error.WriteLine($"ai-memory: no embedder/LLM available for tier '{RequestedTier}'; falling back to keyword");

        // mcp_store_unseen replays an MCP server bound to a database of its own: its writes never reach the CLI or serve.
        using var store = FaultSwitches.Current.IsOn(FaultSwitches.McpStoreUnseen)
            ? Storage.SqliteMemoryStore.Open(global.DbPath + ".mcp.db")
            : CliDefaults.OpenStore(global);
        var session = new McpSession(store, global.AgentId, FaultSwitches.Current);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        await new McpServer(session, stdin, stdout).RunAsync();
        await stdout.FlushAsync();
        return 0;
    }
}
