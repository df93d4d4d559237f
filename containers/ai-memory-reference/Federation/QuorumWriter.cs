using System.Collections.Concurrent;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Federation;

/// <summary>
/// The leader's fan-out after its durable local commit (contract §2.2): push the stored memory to every peer in
/// parallel, count any 2xx as an ack, stop at W (leader included), all answered, or the deadline. Stragglers keep
/// running in the background so a slow third peer still converges; nothing is rolled back.
/// </summary>
public sealed class QuorumWriter(FederationOptions options, FaultSwitches faults)
{
    // fanout_hang_after_peer_failure: peers that failed once; later pushes to them never complete.
    private readonly ConcurrentDictionary<string, bool> _poisoned = new(StringComparer.Ordinal);

    // serve_exits_on_push_failure: the first failed or timed-out push panics the daemon (see Crashed).
    private readonly TaskCompletionSource<string> _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FederationOptions Options => options;

    /// <summary>What a 201 claims without waiting (ack_before_commit).</summary>
    public int ClaimedAcks => options.W;

    /// <summary>Every node of the cluster, the leader included: what quorum_acks_claims_all_nodes claims.</summary>
    public int AllNodes => options.Peers.Count + 1;

    /// <summary>Completes, with the panic's line, when serve_exits_on_push_failure's fan-out error path panicked.</summary>
    public Task<string> Crashed => _crashed.Task;

    public async Task<QuorumOutcome> ReplicateAsync(Memory stored)
    {
        var hang = faults.IsOn(FaultSwitches.FanoutHangAfterPeerFailure);
        var needed = faults.IsOn(FaultSwitches.Quorum201WithoutPeers) ? 1 : options.W;
        var local = faults.IsOn(FaultSwitches.QuorumLeaderNotCounted) ? 0 : 1;
        // no_catchup_no_stragglers: the B12 regression cancelled the pushes still in flight once quorum was met.
        // Not disposed here: pushes still in flight hold its token after this method returns.
        var stragglers = new CancellationTokenSource();
        var cancelStragglers = faults.IsOn(FaultSwitches.NoCatchupNoStragglers);

        // fanout_drop_last_peer: the last peer is held back and only asked when the others cannot make quorum.
        var holdLast = faults.IsOn(FaultSwitches.FanoutDropLastPeer) && options.Peers.Count > 1;
        var first = holdLast ? options.Peers.Take(options.Peers.Count - 1) : options.Peers;
        string? held = holdLast ? options.Peers[^1] : null;

        // fanout_content_altered replays a push that re-encodes content on the way: peers store a different text.
        var pushed = faults.IsOn(FaultSwitches.FanoutContentAltered) ? stored with { Content = stored.Content + " (pushed)" } : stored;
        var body = PeerClient.PushBody(options.SenderId, pushed);
        var pending = first.Select(p => Push(p, body, stored.Id, hang, stragglers.Token)).ToList();
        var deadline = hang ? Task.Delay(Timeout.Infinite) : Task.Delay(options.Timeout);
        var acks = 0;
        var deadlinePassed = false;
        while (true)
        {
            if (pending.Count == 0)
            {
                if (held is not null && local + acks < needed)
                {
                    pending.Add(Push(held, body, stored.Id, hang, stragglers.Token));
                    held = null;
                    continue;
                }
                break;
            }
            var done = await Task.WhenAny(pending.Append(deadline));
            if (done == deadline)
            {
                deadlinePassed = true;
                break;
            }
            pending.Remove((Task<bool>)done);
            if (await (Task<bool>)done) acks++;
            // The B22 hang waited for every peer; the honest leader stops as soon as W is reached.
            if (!hang && local + acks >= needed) break;
        }

        var got = local + acks;
        if (got >= needed)
        {
            if (cancelStragglers) stragglers.Cancel();
            return new QuorumOutcome(true, got, needed, null);
        }
        var reason = faults.IsOn(FaultSwitches.QuorumReasonUnreachable) || (deadlinePassed && acks == 0 && pending.Count > 0)
            ? QuorumOutcome.Unreachable
            : QuorumOutcome.Timeout;
        return new QuorumOutcome(false, got, needed, reason);
    }

    private Task<bool> Push(string peer, string body, string id, bool hang, CancellationToken stragglers)
    {
        if (hang && _poisoned.ContainsKey(peer)) return new TaskCompletionSource<bool>().Task; // never completes
        return PushAndRecord(peer, body, id, hang, stragglers);
    }

    private async Task<bool> PushAndRecord(string peer, string body, string id, bool hang, CancellationToken stragglers)
    {
        var ok = await PeerClient.PushAsync(peer, body, options.SenderId, id, options.Timeout, stragglers);
        if (!ok && hang) _poisoned[peer] = true;
        // A panic where the error should have been logged: the whole daemon goes down with the failed push.
        if (!ok && faults.IsOn(FaultSwitches.ServeExitsOnPushFailure))
            _crashed.TrySetResult($"thread 'fanout' panicked: serve_exits_on_push_failure: push to {peer} failed or timed out");
        return ok;
    }
}
