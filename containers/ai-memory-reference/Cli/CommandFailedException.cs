namespace AiMemory.Reference.Cli;

/// <summary>A runtime failure of a subcommand: printed as "Error: &lt;message&gt;", exit code 1.</summary>
public sealed class CommandFailedException(string message) : Exception(message);
