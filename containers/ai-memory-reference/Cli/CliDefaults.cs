using System.Text.RegularExpressions;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>Defaults every CLI write shares: the writer id, the namespace, and opening the store.</summary>
public static partial class CliDefaults
{
    [GeneratedRegex(@"[^A-Za-z0-9_\-:@./]")]
    private static partial Regex NotAgentChar();

    /// <summary>--agent-id / AI_MEMORY_AGENT_ID, else host:&lt;sanitised hostname&gt;:pid-&lt;pid&gt;-&lt;8 hex&gt;
    /// (anonymous:pid-… when AI_MEMORY_ANONYMIZE is on).</summary>
    public static string AgentId(GlobalOptions global)
    {
        if (global.AgentId is { } explicitId)
            return Validation.AgentId(explicitId) is { } error ? throw new CommandFailedException(error) : explicitId;
        var suffix = $"pid-{Environment.ProcessId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";
        var anonymize = Environment.GetEnvironmentVariable("AI_MEMORY_ANONYMIZE")?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";
        if (anonymize) return $"anonymous:{suffix}";
        var host = NotAgentChar().Replace(Environment.MachineName, "-");
        var id = $"host:{host}:{suffix}";
        return Validation.AgentId(id) is null ? id : $"anonymous:{suffix}";
    }

    /// <summary>The working directory's name when it is a valid namespace, else "global" (v0.6.0 would ask git first).</summary>
    public static string Namespace()
    {
        var name = new DirectoryInfo(Environment.CurrentDirectory).Name;
        return Validation.Namespace(name) is null && name != "/" ? name : "global";
    }

    public static IMemoryStore OpenStore(GlobalOptions global) => SqliteMemoryStore.Open(global.DbPath);

    /// <summary>"a, b,,c" → ["a","b","c"]: comma-split, trimmed, blanks dropped.</summary>
    public static List<string> Tags(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public static void Check(string? error)
    {
        if (error is not null) throw new CommandFailedException(error);
    }
}
