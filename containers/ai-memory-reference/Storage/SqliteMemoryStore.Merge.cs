using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Storage;

/// <summary>Peer merge, "insert if newer" keyed on (title, namespace) (contract §2.5).</summary>
public sealed partial class SqliteMemoryStore
{
    public MergeOutcome Merge(Memory incoming) => Locked(() =>
    {
        using var tx = _db.BeginTransaction();
        var outcome = MergeIn(incoming, tx);
        tx.Commit();
        return outcome;
    });

    /// <summary>
    /// A page in one transaction and one hold of the store: a catch-up pass that merged row by row re-took the lock
    /// for each of them ahead of waiting requests (a monitor is not fair) and stalled them for up to a second.
    /// </summary>
    public IReadOnlyList<MergeOutcome> MergeAll(IReadOnlyList<Memory> incoming) => Locked(() =>
    {
        using var tx = _db.BeginTransaction();
        var outcomes = incoming.Select(m => MergeIn(m, tx)).ToList();
        tx.Commit();
        return outcomes;
    });

    private MergeOutcome MergeIn(Memory incoming, Microsoft.Data.Sqlite.SqliteTransaction tx)
    {
        var existing = FindByKey(incoming.Title, incoming.Namespace, tx);
        if (existing is null)
        {
            // peer_assigns_own_ids (benign): a new row is stored under a fresh local id; ids then differ across nodes.
            var row = _faults.IsOn(FaultSwitches.PeerAssignsOwnIds) ? incoming with { Id = Guid.NewGuid().ToString() } : incoming;
            // Same id under another (title, namespace): the primary key clashes, which v0.6.0 counts as skipped.
            if (QueryMemories($"SELECT {RowMapping.Columns} FROM memories m WHERE m.id = $id", tx, ("$id", row.Id)).Count > 0)
                return MergeOutcome.Skipped;
            Write(RowMapping.InsertSql, row, tx);
        }
        else
        {
            Write(RowMapping.UpdateSql, Combine(existing, incoming), tx);
        }
        return MergeOutcome.Applied;
    }

    private static Memory Combine(Memory existing, Memory incoming)
    {
        var incomingNewer = string.CompareOrdinal(incoming.UpdatedAt, existing.UpdatedAt) > 0;
        var newer = incomingNewer ? incoming : existing;
        var tier = Tiers.Max(existing.Tier, incoming.Tier);
        var eitherLong = existing.Tier == Tiers.Long || incoming.Tier == Tiers.Long;
        return existing with
        {
            Content = newer.Content,
            Tags = newer.Tags,
            Source = newer.Source,
            Metadata = KeepAgentId(newer.Metadata.DeepClone().AsObject(), existing.Metadata),
            UpdatedAt = newer.UpdatedAt,
            Priority = Math.Max(existing.Priority, incoming.Priority),
            Confidence = Math.Max(existing.Confidence, incoming.Confidence),
            AccessCount = Math.Max(existing.AccessCount, incoming.AccessCount),
            LastAccessedAt = Later(existing.LastAccessedAt, incoming.LastAccessedAt),
            Tier = tier,
            ExpiresAt = eitherLong ? null : newer.ExpiresAt,
        };
    }

    private static string? Later(string? a, string? b) =>
        a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}
