using AiMemory.Reference.Faults;
using AiMemory.Reference.Federation;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>What every handler needs: the store, the switches, and federation when it is on.</summary>
public sealed class NodeContext(IMemoryStore store, FaultSwitches faults, QuorumWriter? federation, DeferredWrites? deferred)
{
    public IMemoryStore Store => store;
    public FaultSwitches Faults => faults;
    /// <summary>Null when federation is off (W = 0 or no peers).</summary>
    public QuorumWriter? Federation => federation;
    /// <summary>Non-null only under ack_before_commit.</summary>
    public DeferredWrites? Deferred => deferred;
    public Metrics Metrics { get; } = new();
    /// <summary>Non-null only under serve_unhealthy_after_maintenance: once this file exists, health answers 503.</summary>
    public string? MaintenanceMarker { get; init; }
}
