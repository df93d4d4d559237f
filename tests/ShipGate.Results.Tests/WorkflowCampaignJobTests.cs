using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

/// <summary>
/// The workflow's campaign job, its shell steps run here (WorkflowJob): the campaign id is unique per run and attempt
/// unless named, a pinned image passes as it is with its digest, and an empty node_image is an error, never the
/// reference node, unless the reference node is asked for. (A tag's resolution asks a registry: not run here.)
/// </summary>
public sealed class WorkflowCampaignJobTests : IDisposable
{
    private const string Digest = "sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    private WorkflowJob Job() =>
        new WorkflowJob(Workflow.Load(Path.Combine(Workflow.Folder, "ship-gate.yml")), "campaign", s.Dir, s.Dir)
            .With("github.run_id", "987654").With("github.run_attempt", "2");

    private WorkflowJob Call(string image) => Job().With("inputs.campaign_id", "").With("inputs.node_image", image)
        .With("inputs.profile", "default").With("inputs.chaos_faults", "").With("inputs.node_env", "").With("inputs.mode", "release");

    [Fact]
    public void The_default_campaign_id_is_the_run_its_attempt_and_what_the_call_gates()
    {
        var amd64 = Call("ghcr.io/acme/ai-memory:rc1-amd64").Run("id").Outputs["id"];
        var arm64 = Call("ghcr.io/acme/ai-memory:rc1-arm64").Run("id").Outputs["id"];

        amd64.Should().MatchRegex("^987654-2-[0-9a-f]{8}$");
        arm64.Should().MatchRegex("^987654-2-[0-9a-f]{8}$").And.NotBe(amd64, "two calls in one run keep their artifacts apart");
        Call("ghcr.io/acme/ai-memory:rc1-amd64").Run("id").Outputs["id"].Should().Be(amd64, "the same call, the same id");
    }

    [Fact]
    public void A_named_campaign_id_is_kept_and_a_bad_one_refused()
    {
        Call("").With("inputs.campaign_id", "rc1-amd64").Run("id").Outputs["id"].Should().Be("rc1-amd64");
        Call("").With("inputs.campaign_id", "../x").Run("id").ExitOf("id").Should().Be(1);
    }

    [Theory]
    [InlineData("ghcr.io/acme/ai-memory@" + Digest)]
    [InlineData("ghcr.io/acme/ai-memory:v0.7.0@" + Digest)]
    [InlineData("localhost:5000/ai-memory@" + Digest)]
    public void A_pinned_image_is_gated_by_its_digest(string image)
    {
        var job = Job().With("inputs.node_image", image).With("inputs.reference_node", "false").Run("image");

        job.Outputs["digest"].Should().Be(Digest);
        job.Outputs["image"].Should().Be(image.Split('@')[0].Replace(":v0.7.0", "", StringComparison.Ordinal) + "@" + Digest);
    }

    [Fact]
    public void An_empty_node_image_is_an_error_not_the_reference_node()
    {
        var job = Job().With("inputs.node_image", "").With("inputs.reference_node", "false").Run("image");

        job.ExitOf("image").Should().Be(1);
        job.Ran.Single().Log.Should().Contain("node_image is empty");
        job.Outputs["image"].Should().BeEmpty();
    }

    [Fact]
    public void The_reference_node_only_when_asked_for() =>
        Job().With("inputs.node_image", "").With("inputs.reference_node", "true").Run("image").Outputs["image"]
            .Should().Be("shipgate/reference-node:campaign");
}
