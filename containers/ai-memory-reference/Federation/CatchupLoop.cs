using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Federation;

/// <summary>
/// HEAD's catch-up (contract §2.4): when federation is on, pull every peer's /sync/since 5 s after start and then
/// every --catchup-interval-secs, merging each row insert-if-newer. Heals peers that missed fan-outs.
/// </summary>
public sealed class CatchupLoop(FederationOptions options, IMemoryStore store, FaultSwitches faults)
{
    private const int PageSize = 500;
    private const int MaxPagesPerPass = 40;
    private readonly Dictionary<string, string?> _cursors = new(StringComparer.Ordinal);

    public bool Enabled => options.Enabled && options.CatchupInterval > TimeSpan.Zero
        // The regressions replayed here shipped without a catch-up loop (v0.6.0 has none), which would heal them.
        && !faults.IsOn(FaultSwitches.FanoutDropLastPeer) && !faults.IsOn(FaultSwitches.NoCatchupNoStragglers)
        && !faults.IsOn(FaultSwitches.LeaderLoses40thTaggedWrite);

    public async Task RunAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        try
        {
            await Task.Delay(options.CatchupFirstDelay, ct);
            while (!ct.IsCancellationRequested)
            {
                await Task.WhenAll(options.Peers.Select(p => PullAsync(p, ct)));
                await Task.Delay(options.CatchupInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass against one peer: pages forward from the last updated_at seen there.</summary>
    public async Task PullAsync(string peer, CancellationToken ct)
    {
        lock (_cursors) _cursors.TryAdd(peer, null);
        for (var page = 0; page < MaxPagesPerPass && !ct.IsCancellationRequested; page++)
        {
            string? cursor;
            lock (_cursors) cursor = _cursors[peer];
            var rows = await PeerClient.SinceAsync(peer, cursor, options.SenderId, PageSize, options.Timeout, ct);
            if (rows is null || rows.Count == 0) return;
            store.MergeAll([.. rows.Where(row => Validation.SyncedMemory(row, faults) is null)]);
            foreach (var row in rows)
                if (cursor is null || string.CompareOrdinal(row.UpdatedAt, cursor) > 0) cursor = row.UpdatedAt;
            lock (_cursors) _cursors[peer] = cursor;
            if (rows.Count < PageSize) return;
        }
    }
}
