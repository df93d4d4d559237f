using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;
using ShipGate.Results.Model;

namespace ShipGate.Results.Phases;

/// <summary>Phase 1 → phase1-node-{a,b,c}.json, one per node, in the bash gate's shape.</summary>
public sealed class Phase1Adapter : PhaseAdapter
{
    public static IReadOnlyList<string> Nodes => ShipGate.Contract.Criteria.Topology.Nodes;

    public override int Phase => 1;

    public override string Name => "functional";

    public override string Proves =>
        "On each node: a CLI store is counted by stats and found by recall; backup leaves exactly one snapshot and one " +
        "manifest whose sha256 matches; the curator dry-run reports no error but the no-LLM one; MCP offers ≥ 30 tools.";

    public override IReadOnlyList<PhaseReport> Build(PhaseInput input) =>
        Nodes.Select(node =>
        {
            var facts = input.Facts.Where(f => f.Node is null || f.Node == node).ToList();
            var missing = input.MissingFacts.Where(m =>
                !m.StartsWith("Phase 1 · node-", StringComparison.Ordinal) || m.StartsWith($"Phase 1 · {node} · ", StringComparison.Ordinal)).ToList();
            return Report($"phase1-{node}.json", node, input, facts, NodeFields(input.Evidence, node), missing);
        }).ToList();

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> Fields(PhaseInput input) => [];

    private static IEnumerable<KeyValuePair<string, JsonNode?>> NodeFields(JsonObject? evidence, string node)
    {
        var n = J.Array(evidence, "nodes").FirstOrDefault(x => J.Str(x, "node") == node);
        yield return F("host", node);
        yield return F("version", J.Str(n, "version") ?? "");
        yield return F("stats", J.Copy(J.At(n, "stats")) ?? new JsonObject());
        yield return F("curator", J.Copy(J.At(n, "curator"))
            ?? new JsonObject { ["operations_attempted"] = 0, ["errors"] = J.Strings(["curator absent or errored"]) });
        yield return F("mcp_tool_count", J.Array(n, "mcp_tools").Count);
        yield return F("recall_count", J.Int(n, "recall_hits"));
        yield return F("snapshot_count", J.Array(n, "snapshot_files").Count);
        yield return F("manifest_count", J.Array(n, "manifest_files").Count);
        yield return F("image", J.Str(evidence, "image"));
        yield return F("image_id", J.Str(evidence, "image_id"));
        yield return F("version_row", J.Str(evidence, "version_row"));
        yield return F("tier", J.Str(evidence, "tier"));
        yield return F("snapshot_sha256", J.Str(n, "snapshot_sha256"));
        yield return F("manifest_sha256", J.Str(n, "manifest_sha256"));
        yield return F("step_errors", J.Copy(J.At(n, "step_errors")) ?? new JsonObject());
        yield return F("setup_failure", J.Str(evidence, "setup_failure"));
    }
}
