using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Phases;

/// <summary>Phase 2 → phase2.json: the bash gate's counts and probe codes (as strings), plus convergence times and missing titles.</summary>
public sealed class Phase2Adapter : PhaseAdapter
{
    public override int Phase => 2;

    public override string Name => "federation";

    public override string Proves =>
        "4 agents write concurrently to node-a with W=2; every node holds ≥ 95% of the acknowledged writes by the deadline; " +
        "one peer down still gets 201; both peers down get 503 quorum_not_met with Retry-After.";

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input)
    {
        var e = input.Evidence;
        // Counts as the gate recorded them (Phase2Evidence.Ok, …): the converter reports, never recounts.
        var writes = J.Array(e, "writes");
        var nodes = Phase1Adapter.Nodes.ToDictionary(n => n, n => J.Array(e, "nodes").FirstOrDefault(x => J.Str(x, "node") == n));
        JsonObject PerNode(Func<JsonNode?, JsonNode?> pick) => new(nodes.Select(kv => KeyValuePair.Create(kv.Key[^1..], pick(kv.Value))));

        yield return F("total_writes", writes.Count);
        yield return F("ok", J.Num(e, "ok") is { } ok ? (int)ok : null);
        yield return F("quorum_not_met", J.Num(e, "quorum_not_met") is { } qnm ? (int)qnm : null);
        yield return F("fail", J.Num(e, "fail") is { } fail ? (int)fail : null);
        yield return F("counts", PerNode(n => J.Int(n, "rows")));
        yield return F("probe1_single_peer_down", Code(J.At(e, "probe1")));
        yield return F("probe2_both_peers_down", Code(J.At(e, "probe2")));
        yield return F("time_to_converge_ms", PerNode(n => J.Ms(J.Num(n, "seconds_to_converge"))));
        yield return F("converged", PerNode(n => J.Bool(n, "converged") ?? false));
        yield return F("held_acknowledged", PerNode(n => J.Int(n, "present_acknowledged")));
        yield return F("missing_titles", PerNode(n => J.Copy(J.At(n, "missing")) ?? new JsonArray()));
        yield return F("unexpected_titles", PerNode(n => J.Copy(J.At(n, "unexpected")) ?? new JsonArray()));
        yield return F("status_histogram", J.Copy(J.At(e, "status_histogram")) ?? new JsonObject());
        yield return F("acknowledged", J.Array(e, "acknowledged_titles").Count);
        yield return F("deadline_ms", J.Ms(J.Num(e, "deadline_seconds")));
        yield return F("burst_ms", J.Ms(J.Num(e, "burst_seconds")));
        yield return F("probe2_retry_after", J.Str(e, "probe2", "retry_after"));
        // The soak as recorded: operations, errors, and per node p99 and memory before/after.
        yield return F("soak", J.Copy(J.At(e, "soak")));
        yield return F("image", J.Str(e, "image"));
        yield return F("image_id", J.Str(e, "image_id"));
        yield return F("version_row", J.Str(e, "version_row"));
        yield return F("tier", J.Str(e, "tier"));
        yield return F("setup_failure", J.Str(e, "setup_failure"));
    }

    /// <summary>An HTTP status as the bash gate wrote it: "201", or "000" when there was no answer.</summary>
    public static string Code(JsonNode? probe) =>
        probe is null ? "000" : J.Int(probe, "status").ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}
