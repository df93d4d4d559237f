namespace AiMemory.Reference.Federation;

/// <summary>How a federated write ended: Got counts the leader (unless a fault says otherwise) plus distinct peer acks.</summary>
public sealed record QuorumOutcome(bool Met, int Got, int Needed, string? Reason)
{
    public const string Timeout = "timeout";
    public const string Unreachable = "unreachable";
}
