namespace AiMemory.Reference.Curator;

/// <summary>One curator cycle's report (contract §3.6), in the field order v0.6.0 prints.</summary>
public sealed record CuratorReport
{
    public required string StartedAt { get; init; }
    public required string CompletedAt { get; init; }
    public long CycleDurationMs { get; init; }
    public int MemoriesScanned { get; init; }
    public int MemoriesEligible { get; init; }
    public int AutoTagged { get; init; }
    public int ContradictionsFound { get; init; }
    public int OperationsAttempted { get; init; }
    public int OperationsSkippedCap { get; init; }
    public AutonomyReport Autonomy { get; init; } = new();
    public IReadOnlyList<string> Errors { get; init; } = [];
    public bool DryRun { get; init; }
}

public sealed record AutonomyReport
{
    public int ClustersFormed { get; init; }
    public int MemoriesConsolidated { get; init; }
    public int MemoriesForgotten { get; init; }
    public int PriorityAdjustments { get; init; }
    public int RollbackEntriesWritten { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
