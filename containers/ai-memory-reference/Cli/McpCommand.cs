using System.Text;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Mcp;
using AiMemory.Reference.Release;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory mcp [--tier …]` (contract §3.8): the stdio MCP server over the local store; exit 0 at EOF.</summary>
public static class McpCommand
{
    /// <summary>The --tier asked for (default semantic, an unknown name is semantic); without models the node serves keyword.</summary>
    public static string RequestedTier { get; private set; } = "semantic";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, GlobalOptions global)
    {
        // --profile exists from v0.6.4 on (src/daemon_runtime.rs:172-186 at v0.7.0); v0.6.0 rejects it as any unknown flag.
        var a = ArgReader.Parse(args, ReleaseVersion.IsV070 ? ["--tier", "--profile"] : ["--tier"], []);
        McpProfile? profile = null;
        if (ReleaseVersion.IsV070)
        {
            try { profile = McpProfile.Resolve(a.String("profile"), ConfigFile.McpProfile); }
            catch (McpProfile.ProfileException e)
            {
                Console.Error.WriteLine($"ai-memory mcp: invalid profile: {e.Message}");
                return 2;
            }
        }
        RequestedTier = EmbedderLoad.Resolve(a.String("tier"));

        // mcp_store_unseen replays an MCP server bound to a database of its own: its writes never reach the CLI or serve.
        using var store = FaultSwitches.Current.IsOn(FaultSwitches.McpStoreUnseen)
            ? Storage.SqliteMemoryStore.Open(global.DbPath + ".mcp.db")
            : CliDefaults.OpenStore(global);
        var session = new McpSession(store, global.AgentId, FaultSwitches.Current) { Profile = profile };
        // The tier's models load after the database opens and before stdin is read (v0.7.0 src/mcp/mod.rs:1378-1521).
        await EmbedderLoad.AttemptAsync(RequestedTier, "mcp");
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        await new McpServer(session, stdin, stdout).RunAsync();
        await stdout.FlushAsync();
        return 0;
    }
}
