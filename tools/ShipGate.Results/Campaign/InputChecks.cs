using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>Bad input is refused before anything is judged: one clear line, never a passing summary.</summary>
public static class InputChecks
{
    public static void Validate(IReadOnlyList<RunRecord> runs, IReadOnlyList<List<Fact>> factsByRun)
    {
        if (runs.Count == 0) throw new ResultsInputException("no TRX file given (--trx FILE…)");
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (run, facts) in runs.Zip(factsByRun))
        {
            if (!paths.Add(Path.GetFullPath(run.Source))) throw new ResultsInputException($"duplicate TRX file: {run.Source} given twice");
            if (run.RunId is { } id && !ids.TryAdd(id, run.Source))
                throw new ResultsInputException($"duplicate TRX: {run.Source} is the same test run ({id}) as {ids[id]}");
            if (run.Tests.Count == 0) throw new ResultsInputException($"TRX has no test results: {run.Source}");
            var gate = facts.Any(f => f.Phase is not null);
            if (!gate) throw new ResultsInputException($"not a ShipGate TRX (no ##shipgate-evidence line and no 'Phase N · ' test): {run.Source}");
        }

        var owners = new Dictionary<int, string>();
        foreach (var (run, facts) in runs.Zip(factsByRun))
        {
            foreach (var phase in facts.Select(f => f.Phase).OfType<int>().Distinct())
            {
                // Phase 4 may come in shards, one run per fault class (Phase4Shards merges them).
                if (phase != Phase4Shards.Phase && owners.TryGetValue(phase, out var other) && other != run.Source)
                    throw new ResultsInputException(
                        $"duplicate phase {phase}: in both {other} and {run.Source} (one run per phase; only Phase 4 may come in shards)");
                owners[phase] = run.Source;
            }
        }
    }
}
