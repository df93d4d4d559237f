using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;
using ShipGate.Results.Tests.Support;
using Xunit.Abstractions;

namespace ShipGate.Results.Tests;

/// <summary>
/// The workflow's results job, its shell steps run here as a runner would run them (WorkflowJob) on recorded
/// campaigns: the outputs a release job reads (overall_pass, rehearsal_pass, strength, reasons, shipgate_version),
/// the job summary, and whether the job fails, in release and in rehearsal mode. The actions around them
/// (checkout, the converter's build, the TRX download) are stood in for: the TRX files laid out as
/// download-artifact lays them, the converter this project builds.
/// </summary>
public sealed class WorkflowResultsJobTests(ITestOutputHelper output) : IDisposable
{
    // The campaign ids the recordings carry (GateSample's crafted runs, ./shipgate record-trx's real one).
    private const string Crafted = "c1";
    private const string Recorded = "real-green";
    private static readonly string RealTrx = Path.Combine(AppContext.BaseDirectory, "TestData", "gate-all-phases.trx.xml");
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private WorkflowJob RunResultsJob(string mode, string campaign, params string[] trx)
    {
        var work = Path.Combine(s.Dir, "work");
        var temp = Path.Combine(s.Dir, "runner-temp");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(temp);
        Directory.CreateSymbolicLink(Path.Combine(temp, "shipgate-results"), ResultsTool.BuildFolder);
        for (var i = 0; i < trx.Length; i++)
        {
            var folder = Path.Combine(work, "trx", $"trx-{campaign}-phase{i + 1}");
            Directory.CreateDirectory(folder);
            File.Copy(trx[i], Path.Combine(folder, "gate.trx"));
        }

        var job = new WorkflowJob(Workflow.Load(Path.Combine(Workflow.Folder, "ship-gate.yml")), "results", work, temp)
            .With("needs.campaign.outputs.id", campaign)
            .With("inputs.ai_memory_ref", "v0.7.0")
            .With("inputs.mode", mode)
            .Run("convert", "verdict");
        output.WriteLine($"mode {mode}: outputs\n{Lines.Of(job.Outputs)}");
        foreach (var (step, exit, log) in job.Ran) output.WriteLine($"step {step}: exit {exit}\n{log}");
        output.WriteLine($"job summary:\n{job.Summary}");
        return job;
    }

    private const string Digest = "sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

    // Phase 1's record names the digest it ran, as the fixtures write it (image_digest).
    private string Green()
    {
        var evidence = GateSample.Phase1Evidence();
        evidence["image_digest"] = Digest;
        return new TrxWriter().Complete(1, evidence).Phase2().Phase3().Phase4().Save(s.Dir, "green.trx");
    }

    private JsonObject SummaryOf(string campaign) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(s.Dir, "work", "runs", campaign, "campaign-summary.json")))!;

    private string Red() => new TrxWriter().Phase1(failNode: "node-b").Phase2().Phase3().Phase4().Save(s.Dir, "red.trx");

    [Fact]
    public void A_release_strength_pass_is_overall_pass_and_a_green_job()
    {
        var job = RunResultsJob("release", Crafted, Green());

        job.Outputs["overall_pass"].Should().Be("true");
        job.Outputs["rehearsal_pass"].Should().Be("true");
        job.Outputs["strength"].Should().Be("release");
        job.Outputs["reasons"].Should().Be("[]");
        job.Outputs["shipgate_version"].Should().Be(GateVersion.Current).And.NotBe("unknown");
        job.ExitOf("verdict").Should().Be(0);
        job.Summary.Should().Contain($"## ShipGate campaign {Crafted}").And.Contain("overall_pass: **true** (release");
        SummaryOf(Crafted)["sut_image_digest"]!.GetValue<string>().Should().Be(Digest, "the attest job signs only this digest");
    }

    [Fact]
    public void A_failed_fact_is_no_pass_names_its_criterion_and_fails_the_job()
    {
        var job = RunResultsJob("release", Crafted, Red());

        job.Outputs["overall_pass"].Should().Be("false");
        job.Outputs["rehearsal_pass"].Should().Be("false");
        var reasons = JsonNode.Parse(job.Outputs["reasons"])!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        reasons.Should().ContainSingle(r => r.Contains("p1.node-b.mcp.tools", StringComparison.Ordinal));
        job.ExitOf("verdict").Should().Be(1);
        job.Summary.Should().Contain("### Failed facts (2)").And.Contain("| 1 | `p1.node-b.mcp.tools` | node-b |");
    }

    [Fact]
    public void A_rehearsal_in_rehearsal_mode_is_green_but_never_overall_pass()
    {
        var job = RunResultsJob("rehearsal", Recorded, RealTrx);

        job.Outputs["strength"].Should().Be("rehearsal");
        job.Outputs["rehearsal_pass"].Should().Be("true");
        job.Outputs["overall_pass"].Should().Be("false");
        job.ExitOf("verdict").Should().Be(0);
    }

    [Fact]
    public void The_same_rehearsal_in_release_mode_fails_the_job() =>
        RunResultsJob("release", Recorded, RealTrx).ExitOf("verdict").Should().Be(1);

    [Fact]
    public void No_trx_at_all_is_no_pass_in_either_mode()
    {
        var job = RunResultsJob("rehearsal", Crafted);

        job.Outputs["overall_pass"].Should().Be("false");
        job.Outputs["rehearsal_pass"].Should().Be("false");
        job.Outputs["reasons"].Should().NotBe("[]");
        job.ExitOf("verdict").Should().Be(1);
    }

    [Theory]
    [InlineData(Digest, 0)]
    [InlineData("sha256:" + "1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e", 1)]
    [InlineData(null, 1)]
    public void The_attest_job_signs_only_a_summary_that_records_that_digest(string? recorded, int exit)
    {
        var work = Path.Combine(s.Dir, "attest");
        Directory.CreateDirectory(Path.Combine(work, "campaign"));
        var summary = new JsonObject { ["overall_pass"] = true, ["strength"] = "release" };
        if (recorded is not null) summary["sut_image_digest"] = recorded;
        File.WriteAllText(Path.Combine(work, "campaign", "campaign-summary.json"), summary.ToJsonString());

        var job = new WorkflowJob(Workflow.Load(Path.Combine(Workflow.Folder, "ship-gate-attest.yml")), "attest", work, work)
            .With("inputs.image_digest", Digest)
            .Run("bound");
        output.WriteLine(job.Ran.Single().Log);
        job.ExitOf("bound").Should().Be(exit);
    }
}
