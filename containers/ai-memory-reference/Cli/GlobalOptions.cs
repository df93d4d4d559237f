namespace AiMemory.Reference.Cli;

/// <summary>Options accepted before or after any subcommand (contract §3.1).</summary>
public sealed record GlobalOptions
{
    /// <summary>--db, else AI_MEMORY_DB, else ai-memory.db in the working directory.</summary>
    public required string DbPath { get; init; }
    public bool Json { get; init; }
    /// <summary>--agent-id, else AI_MEMORY_AGENT_ID; null means "derive the default".</summary>
    public string? AgentId { get; init; }
}

/// <summary>Argument or usage error: printed with a usage line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
