namespace ShipGate.SelfTests.Unit;

/// <summary>Hand-made Phase 2 evidence for verdict tests: no cluster, just values.</summary>
internal static class Phase2Samples
{
    public static string Title(int i) => $"p2-w-{i:D3}";

    /// <summary>A burst whose statuses are given per write, and nodes holding the first N acknowledged titles.</summary>
    public static Phase2Evidence Evidence(IReadOnlyList<int> statuses, int? heldByNodeC = null, ProbeResult? probe1 = null, ProbeResult? probe2 = null)
    {
        var writes = statuses.Select((s, i) => new WriteAttempt(Title(i), "ai:agent-alice", s, 5, null)).ToList();
        var acked = writes.Where(w => w.Status == 201).Select(w => w.Title).ToList();
        var histogram = writes.GroupBy(w => w.Status).ToDictionary(g => g.Key, g => g.Count());
        var nodes = new[] { "node-a", "node-b", "node-c" }
            .Select(n => Node(n, acked, n == "node-c" && heldByNodeC is { } held ? held : acked.Count))
            .ToList();
        return new Phase2Evidence(null, "img", writes, histogram, acked, 1.0, 90, nodes,
            probe1 ?? Probe(201, "{}", null), probe2 ?? Probe(503, "{\"error\":\"quorum_not_met\"}", "2", "quorum_not_met"), 5);
    }

    public static NodeConvergence Node(string name, IReadOnlyList<string> acked, int held, IReadOnlyList<string>? extra = null, int? rows = null)
    {
        var present = acked.Take(held).Concat(extra ?? []).ToList();
        var missing = acked.Skip(held).ToList();
        var unexpected = (extra ?? []).ToList();
        return new NodeConvergence(name, acked.Count, held, present, missing, unexpected, rows ?? present.Count, present.Count, present.Count,
            missing.Count == 0, missing.Count == 0 ? 0.5 : null, missing.Count == 0 ? 0.5 : 90, 3, null);
    }

    public static ProbeResult Probe(int status, string body, string? retryAfter, string? error = null) =>
        new("probe", status, body, retryAfter, error, 12, null);

    public static int[] Statuses(int ok, int unavailable = 0, int other = 0, int otherStatus = 500) =>
        [.. Enumerable.Repeat(201, ok), .. Enumerable.Repeat(503, unavailable), .. Enumerable.Repeat(otherStatus, other)];
}
