using System.Globalization;
using System.Text;

namespace AiMemory.Reference.Http;

/// <summary>A few Prometheus counters for /metrics; enough to see traffic and quorum outcomes.</summary>
public sealed class Metrics
{
    private long _requests;
    private long _creates;
    private long _quorumMet;
    private long _quorumNotMet;
    private long _syncApplied;

    public void Request() => Interlocked.Increment(ref _requests);
    public void Created() => Interlocked.Increment(ref _creates);
    public void Quorum(bool met)
    {
        if (met) Interlocked.Increment(ref _quorumMet);
        else Interlocked.Increment(ref _quorumNotMet);
    }
    public void SyncApplied(int n) => Interlocked.Add(ref _syncApplied, n);

    public string Render(long memories)
    {
        var sb = new StringBuilder();
        Counter(sb, "ai_memory_http_requests_total", "HTTP requests served.", Interlocked.Read(ref _requests));
        Counter(sb, "ai_memory_store_total", "Memories created or upserted over HTTP.", Interlocked.Read(ref _creates));
        sb.Append("# HELP ai_memory_quorum_writes_total Federated writes by outcome.\n# TYPE ai_memory_quorum_writes_total counter\n");
        sb.Append(CultureInfo.InvariantCulture, $"ai_memory_quorum_writes_total{{outcome=\"met\"}} {Interlocked.Read(ref _quorumMet)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"ai_memory_quorum_writes_total{{outcome=\"not_met\"}} {Interlocked.Read(ref _quorumNotMet)}\n");
        Counter(sb, "ai_memory_sync_applied_total", "Rows applied from peer pushes.", Interlocked.Read(ref _syncApplied));
        sb.Append("# HELP ai_memory_memories Rows in the store.\n# TYPE ai_memory_memories gauge\n");
        sb.Append(CultureInfo.InvariantCulture, $"ai_memory_memories {memories}\n");
        return sb.ToString();
    }

    private static void Counter(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");
}
