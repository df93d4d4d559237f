using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Mcp;

/// <summary>What every tool call of one `ai-memory mcp` process shares: the store and the caller's identity.</summary>
public sealed partial class McpSession(IMemoryStore store, string? explicitAgentId, FaultSwitches faults)
{
    public const string DefaultSource = "claude";
    public const string DefaultNamespace = "global";

    [GeneratedRegex(@"[^A-Za-z0-9_\-.]")]
    private static partial Regex NotClientChar();

    public IMemoryStore Store => store;
    public FaultSwitches Faults => faults;

    /// <summary>v0.7.0's tool profile (Release/McpProfile.cs); null at v0.6.0, which lists every tool.</summary>
    public Release.McpProfile? Profile { get; init; }

    /// <summary>clientInfo.name from initialize; it names the default agent id.</summary>
    public string? ClientName { get; set; }

    /// <summary>--agent-id / AI_MEMORY_AGENT_ID, else ai:&lt;client&gt;@&lt;host&gt;:pid-&lt;pid&gt; (host:… before initialize).</summary>
    public string AgentId
    {
        get
        {
            if (explicitAgentId is not null) return explicitAgentId;
            var host = NotClientChar().Replace(Environment.MachineName, "-");
            var id = ClientName is { Length: > 0 } client
                ? $"ai:{NotClientChar().Replace(client, "-")}@{host}:pid-{Environment.ProcessId}"
                : $"host:{host}:pid-{Environment.ProcessId}";
            return Validation.AgentId(id) is null ? id : $"anonymous:pid-{Environment.ProcessId}";
        }
    }

    /// <summary>The caller's agent_id argument when given (validated), else the session's.</summary>
    public string AgentFor(ToolArgs args) => args.Str("agent_id") is { Length: > 0 } claimed
        ? Validation.AgentId(claimed) is { } error ? throw new ToolException(error) : claimed
        : AgentId;

    /// <summary>A full id from an id or unique prefix, or a tool failure.</summary>
    public Memory Resolve(string idOrPrefix)
    {
        try
        {
            return store.Get(idOrPrefix) ?? throw new ToolException($"memory not found: {idOrPrefix}");
        }
        catch (AmbiguousIdException e)
        {
            throw new ToolException(e.Message);
        }
    }

    public static string Pretty(JsonNode node) => node.ToJsonString(Json.Pretty);

    public static void Check(string? error)
    {
        if (error is not null) throw new ToolException(error);
    }
}
