using System.Text.Json.Nodes;
using ShipGate.Results.Model;

namespace ShipGate.Results.Phases;

/// <summary>Phase 3 → phase3.json: the three migrate reports verbatim, the totals, plus row-by-row content identity.</summary>
public sealed class Phase3Adapter : PhaseAdapter
{
    public override int Phase => 3;

    public override string Name => "migration";

    public override string Proves =>
        "N memories migrate SQLite → Postgres without errors, a re-run is idempotent (no duplicates), and Postgres → a new " +
        "SQLite gives back the same totals and row-for-row identical contents.";

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input)
    {
        var e = input.Evidence;
        var comparison = J.At(e, "comparison");
        yield return F("report_forward", Report(e, "forward"));
        yield return F("report_idempotent", Report(e, "rerun"));
        yield return F("report_reverse", Report(e, "reverse"));
        yield return F("src_count", J.Int(e, "source_total"));
        yield return F("dst_count", J.Int(e, "round_trip_total"));
        yield return F("rows", J.Int(e, "rows"));
        yield return F("seed_statuses", J.Copy(J.At(e, "seed_statuses")) ?? new JsonObject());
        yield return F("postgres", J.Copy(J.At(e, "postgres")));
        yield return F("content_identical", J.Bool(comparison, "identical"));
        yield return F("content_identity", J.Copy(comparison));
        yield return F("image", J.Str(e, "image"));
        yield return F("image_id", J.Str(e, "image_id"));
        yield return F("version_row", J.Str(e, "version_row"));
        yield return F("tier", J.Str(e, "tier"));
        yield return F("postgres_image", J.Str(e, "postgres_image"));
        yield return F("step_errors", J.Copy(J.At(e, "step_errors")) ?? new JsonObject());
        yield return F("setup_failure", J.Str(e, "setup_failure"));
    }

    /// <summary>The verbatim <c>migrate --json</c> report, as the bash gate stored it (empty object when it printed none).</summary>
    private static JsonNode Report(JsonNode? e, string run) => J.Copy(J.At(e, run, "report")) ?? new JsonObject();
}
