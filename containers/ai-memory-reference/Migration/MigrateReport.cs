namespace AiMemory.Reference.Migration;

/// <summary>The `migrate --json` report; properties are declared alphabetically because v0.6.0 prints them that way.</summary>
public sealed record MigrateReport
{
    public int Batches { get; init; }
    public bool DryRun { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public required string FromUrl { get; init; }
    public int MemoriesRead { get; init; }
    public int MemoriesWritten { get; init; }
    public required string ToUrl { get; init; }
}
