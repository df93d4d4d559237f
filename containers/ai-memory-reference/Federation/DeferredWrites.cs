using System.Collections.Concurrent;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Federation;

/// <summary>
/// ack_before_commit: creates are answered 201 at once and queued here; a flusher commits them locally and fans
/// them out once per second. A SIGKILL in between loses writes that were already acknowledged, everywhere.
/// </summary>
public sealed class DeferredWrites(IMemoryStore store, QuorumWriter? federation)
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    private readonly ConcurrentQueue<NewMemory> _queue = new();

    public void Enqueue(NewMemory memory) => _queue.Enqueue(memory);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(FlushEvery, ct);
                Flush();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Flush();
        }
    }

    private void Flush()
    {
        while (_queue.TryDequeue(out var memory))
        {
            var stored = store.Upsert(memory).Stored;
            if (federation is not null) _ = federation.ReplicateAsync(stored);
        }
    }
}
