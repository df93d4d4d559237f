using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Curator;

/// <summary>
/// One curator pass as v0.6.0 runs it without an LLM: collect candidates (non-expired mid and long rows, each tier
/// capped at 4 × max_ops), count the eligible ones, and report that no LLM client is configured. Nothing is written.
/// </summary>
public sealed class CuratorCycle(IMemoryStore store, FaultSwitches faults)
{
    public const string NoLlm = "no LLM client configured";
    public const int MinContentBytes = 50;

    public int MaxOps { get; init; } = 100;
    public bool DryRun { get; init; }
    public IReadOnlyList<string> IncludeNamespaces { get; init; } = [];
    public IReadOnlyList<string> ExcludeNamespaces { get; init; } = [];

    public CuratorReport Run()
    {
        var started = Timestamps.Clock();
        var clock = Stopwatch.StartNew();
        var cap = 4 * Math.Max(0, MaxOps);
        var errors = new List<string>();

        var candidates = new List<Memory>();
        var truncated = false;
        foreach (var tier in new[] { Tiers.Mid, Tiers.Long })
        {
            var rows = store.List(new ListQuery { Tier = tier, Limit = cap });
            truncated |= rows.Count >= cap;
            candidates.AddRange(rows);
        }
        if (truncated) errors.Add($"collect_candidates truncated at cap={cap}");
        // curator_real_error replays a cycle that really failed, which a "≤ 1 error" rule must not swallow.
        if (faults.IsOn(FaultSwitches.CuratorRealError)) errors.Add("collect_candidates failed: database is locked");
        // curator_silent_without_llm replays a dry run that reports no error with no LLM configured (v0.6.0 src/curator.rs:132-133 reports one).
        if (!faults.IsOn(FaultSwitches.CuratorSilentWithoutLlm)) errors.Add(NoLlm);

        return new CuratorReport
        {
            StartedAt = Timestamps.Format(started),
            CompletedAt = Timestamps.Now(),
            CycleDurationMs = clock.ElapsedMilliseconds,
            MemoriesScanned = candidates.Count,
            MemoriesEligible = candidates.Count(IsEligible),
            Errors = errors,
            DryRun = DryRun,
        };
    }

    private bool IsEligible(Memory m) =>
        !m.Namespace.StartsWith('_')
        && (IncludeNamespaces.Count == 0 || IncludeNamespaces.Contains(m.Namespace))
        && !ExcludeNamespaces.Contains(m.Namespace)
        && Encoding.UTF8.GetByteCount(m.Content) >= MinContentBytes
        && !(m.Metadata["auto_tags"] is JsonArray { Count: > 0 });
}
