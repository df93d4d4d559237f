using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Storage;

/// <summary>Keyword recall (contract §1.10): FTS OR match, v0.6.0 score, token budget, and the mutations a recall makes.</summary>
public sealed partial class SqliteMemoryStore
{
    // Candidates scored per recall; the limit itself is clamped to 50 by the callers.
    private const int RecallCandidates = 500;

    public RecallResult Recall(RecallQuery q)
    {
        // recall_finds_nothing replays a regression where recall matched no row at all (Phase 1 "recall >= 1").
        if (_faults.IsOn(FaultSwitches.RecallFindsNothing)) return new RecallResult([], 0);
        if (FtsQuery.AnyOf(q.Context) is not { } match) return new RecallResult([], 0);

        var now = Timestamps.Clock();
        var filter = new SqlFilter().Add("memories_fts MATCH $match", ("$match", match)).NotExpired(Timestamps.Format(now))
            .AddIf(q.Tag, "EXISTS (SELECT 1 FROM json_each(m.tags) WHERE json_each.value = $tag)", "$tag")
            .AddIf(q.Since, "m.created_at >= $since", "$since")
            .AddIf(q.Until, "m.created_at <= $until", "$until");
        if (q.Namespace is { } ns) AddNamespaceWithAncestors(filter, ns);
        var sql = $"SELECT {RowMapping.Columns}, memories_fts.rank FROM memories_fts " +
                  $"JOIN memories m ON m.rowid = memories_fts.rowid{filter.Where} ORDER BY memories_fts.rank LIMIT {RecallCandidates}";

        return Locked(() =>
        {
            var scored = new List<(Memory Memory, double Score)>();
            using (var cmd = Command(sql))
            {
                filter.Bind(cmd);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var m = RowMapping.Read(r);
                    scored.Add((m, Score(m, r.GetDouble(RowMapping.ColumnCount), now)));
                }
            }

            var picked = new List<ScoredMemory>();
            long tokens = 0;
            foreach (var (m, score) in scored.OrderByDescending(s => s.Score).Take(Math.Max(0, q.Limit)))
            {
                var cost = (m.Title.Length + m.Content.Length) / 4;
                if (q.BudgetTokens is { } budget && tokens + cost > budget) break;
                tokens += cost;
                picked.Add(new ScoredMemory(Touch(m, now), Math.Round(score, 3)));
            }
            return new RecallResult(picked, tokens);
        });
    }

    // Score = -rank + 0.5·priority + 0.1·min(access,50) + 2·confidence + tier bonus + recency (contract §1.10).
    private static double Score(Memory m, double rank, DateTimeOffset now)
    {
        var tierBonus = m.Tier switch { Tiers.Long => 3.0, Tiers.Mid => 1.0, _ => 0.0 };
        var days = Timestamps.TryParse(m.UpdatedAt, out var updated) ? Math.Max(0, (now - updated).TotalDays) : 0;
        return -rank + 0.5 * m.Priority + 0.1 * Math.Min(m.AccessCount, 50) + 2 * m.Confidence + tierBonus + 1 / (1 + 0.1 * days);
    }

    /// <summary>Recall's side effects: count the access, push short/mid expiry out, promote a mid row at its 5th access,
    /// raise priority every 10th access. Runs under the store lock.</summary>
    private Memory Touch(Memory m, DateTimeOffset now)
    {
        var nowText = Timestamps.Format(now);
        var access = m.AccessCount + 1;
        var touched = m with { AccessCount = access, LastAccessedAt = nowText };
        if (m.ExpiresAt is not null && Tiers.DefaultTtl(m.Tier) is not null)
        {
            var extended = Timestamps.Format(now + (m.Tier == Tiers.Short ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1)));
            if (string.CompareOrdinal(extended, m.ExpiresAt) > 0) touched = touched with { ExpiresAt = extended };
        }
        if (m.Tier == Tiers.Mid && access >= 5)
            touched = touched with { Tier = Tiers.Long, ExpiresAt = null, UpdatedAt = nowText };
        if (access % 10 == 0)
            touched = touched with { Priority = Math.Min(10, touched.Priority + 1) };
        Write(RowMapping.UpdateSql, touched, null);
        return touched;
    }

    // A hierarchical namespace also recalls from its ancestors: a/b/c sees a/b and a.
    private static void AddNamespaceWithAncestors(SqlFilter filter, string ns)
    {
        if (!ns.Contains('/'))
        {
            filter.Add("m.namespace = $ns", ("$ns", ns));
            return;
        }
        var segments = ns.Split('/');
        var names = Enumerable.Range(1, segments.Length).Select(n => string.Join('/', segments.Take(n))).ToList();
        var args = names.Select((n, i) => ($"$ns{i}", (object)n)).ToArray();
        filter.Add($"m.namespace IN ({string.Join(", ", args.Select(a => a.Item1))})", args);
    }
}
