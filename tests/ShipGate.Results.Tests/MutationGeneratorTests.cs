using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;
using ShipGate.Results.Tests.Support;
using ShipGate.Results.Trx;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 29, stage 3: the converter proven by a generator, not a list. A release-strength green campaign (the
/// recorded real run's records at release strength, every line written by the catalog) is parsed once; every
/// mutant of the families in <see cref="Mutants"/> edits it in memory and is judged by the same build the logger
/// and ./shipgate's judge publish (<see cref="CampaignBuilder.Build"/>), in parallel. None may be a release pass
/// unless its field is one <see cref="Benign"/> names, with why.
/// </summary>
public sealed class MutationGeneratorTests(ITestOutputHelper output)
{
    private static readonly string[] Up = ["above"];
    private static readonly string[] Both = ["above", "below"];

    /// <summary>
    /// Record fields (by how their path ends) and directions the release decision does not depend on, each class
    /// with why. A mutant here changes a green campaign in a way an honest one could have measured too.
    /// </summary>
    private static readonly (string[] Fields, string[] Directions, string Why)[] Benign =
    [
        (["seconds", "millis", "_ms", "timings.start", "timings.writes", "timings.converge", "timings.reset", "seconds_polled", "seconds_to_converge",
            "serve_waits[].ms", "polls", "port_polls", "ready_writes", "health_probes", "pid", "beats", "stall_count", "fault_attempts", "lane", "lanes"], Both,
            "a duration, a poll count or a host figure: a report; the only time bound is the class budget, judged from the class's own seconds"),
        (["budget_seconds", "deadline_seconds"], Both, "the budget the run was given; the class (or burst) finished far inside either value"),
        (["curator.memories_eligible", "curator.memories_scanned", "curator.operations_attempted", "snapshot.bytes", "stats.db_size_bytes",
            "stats.by_namespace[].count", "stats.by_tier[].count", "stats.expiring_soon", "stats.links_count"], Both,
            "what the node reported beside its criteria: the curator criterion reads its errors, the backup ones the files and the snapshot's titles"),
        (["recall_hits", "present_acknowledged", "cycles[].writes", "writes_per_cycle", "soak.ran_seconds"], Up,
            "more than the green run had: each of these is judged from below (≥ its floor, or the sets they count)"),
        (["shapes[].checked", "nodes[].content_checked"], Both,
            "how many bodies or rows were checked: the shape and content verdicts judge the violations and mismatches found, listed in the record"),
        (["nodes[].acknowledged"], ["below"], "the holds-95% verdict counts the acknowledged_titles set, not this count"),
        (["status_histogram.201"], Both, "the burst verdicts read each write's own status in writes[], not this summary"),
        (["soak.p99_bound_ms", "soak.memory_growth_bound_mib", "soak.ops_per_second", "soak.planned_seconds"], Both,
            "the soak's settings as the record repeats them: its p99 and growth stay far inside either bound, and strength counts the seconds it ran"),
        (["soak.nodes[].p50_ms", "soak.nodes[].p99_ms", "soak.nodes[].max_ms", "soak.nodes[].memory_start_bytes", "soak.nodes[].memory_end_bytes",
            "host_stall_at_p99_ms"], Both, "the soak measured p99 7.5 ms and a few MiB of growth: half or one and a half of those stay inside the bounds"),
        (["comparison.round_trip_rows", "comparison.source_rows", "report.batches", "rerun.report.memories_read", "rerun.report.memories_written",
            "reverse.report.memories_read", "reverse.report.memories_written", "seed_attempted"], Both,
            "report counts: the re-run, reverse and identity criteria judge the stores' rows and the row-by-row comparison, the seed its statuses"),
        (["cycles[].cycle", "timeline[].cycle"], Both, "a cycle's number labels it; strength counts the cycles held, not their numbers"),
        (["cycles_planned"], ["below"], "planned, not run: strength counts the cycles the class holds"),
        (["missing_on_node1", "missing_on_node2", "count_node0"], Both,
            "one node's count: a write is lost only when no survivor holds it, judged over the survivors' counts, and any count within 0..writes holds"),
        (["cycles[].quorum_not_met"], Up, "a 503 under a fault is allowed; the class is judged on Σok > 0 and on no acknowledged write lost"),
    ];

    private static bool IsBenign(Mutant m) => m.Derived
        || Benign.Any(b => b.Directions.Any(d => m.How.StartsWith(d, StringComparison.Ordinal))
            && b.Fields.Any(f => m.Field.EndsWith(f, StringComparison.Ordinal)));

    [Fact]
    public void No_mutant_of_a_green_release_campaign_is_a_release_pass_unless_named_benign()
    {
        var clock = Stopwatch.StartNew();
        var green = Mutants.RecordsOnce(TrxReader.Parse(new TrxWriter().AllPhases().Build(), "green.trx"));
        var options = Scratch.Options();
        Pass(green, options).Should().BeTrue("the unmutated campaign is a release pass");

        var mutants = Mutants.Of(green).ToList();
        var survivors = new ConcurrentBag<Mutant>();
        Parallel.ForEach(mutants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, m =>
        {
            if (Pass(m.Apply(green), options)) survivors.Add(m);
        });

        var unexplained = survivors.Where(m => !IsBenign(m)).OrderBy(m => m.ToString()).ToList();
        foreach (var m in unexplained) output.WriteLine($"  survivor: {m}");
        output.WriteLine($"mutants generated {mutants.Count}, caught {mutants.Count - survivors.Count}, "
            + $"benign survivors {survivors.Count - unexplained.Count} ({survivors.Count(m => m.Derived)} of them derived fields), "
            + $"unexplained {unexplained.Count}, in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var family in mutants.GroupBy(m => m.Family))
            output.WriteLine($"  {family.Key}: {family.Count()} generated, {family.Count(m => !survivors.Contains(m))} caught");
        unexplained.Select(m => m.ToString()).Should().BeEmpty("every mutant that stays a release pass must be named benign with a reason");
    }

    /// <summary>The release decision over one run in memory; bad input (exit 2) is no pass.</summary>
    private static bool Pass(RunRecord run, CampaignOptions options)
    {
        try
        {
            return CampaignBuilder.Build([run], options).OverallPass;
        }
        catch (ResultsInputException)
        {
            return false;
        }
    }
}
