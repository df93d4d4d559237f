using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Campaign;

namespace ShipGate.Results.Tests;

/// <summary>
/// Issue 24: a campaign of the bundled reference node says so. Read from the settings a phase record carries: no
/// image and the executable at its default is the node ./shipgate publishes itself; anything else is a candidate's.
/// </summary>
public sealed class SutKindTests
{
    private static JsonObject Record(string executableSource, string? image) => new()
    {
        ["settings"] = new JsonArray(
            new JsonObject { ["name"] = SettingNames.NodeExecutable, ["value"] = "artifacts/ai-memory-reference/ai-memory", ["source"] = executableSource },
            new JsonObject { ["name"] = SettingNames.NodeImage, ["value"] = image, ["source"] = image is null ? "default" : "environment" }),
    };

    [Fact]
    public void The_default_executable_and_no_image_is_the_reference_node() =>
        SutKind.Of([Record("default", null)]).Should().Be(SutKind.Reference);

    [Fact]
    public void An_image_given_is_a_candidate() =>
        SutKind.Of([Record("default", "ghcr.io/x/ai-memory:v0.6.3")]).Should().Be(SutKind.Candidate);

    [Fact]
    public void An_executable_given_is_a_candidate() =>
        SutKind.Of([Record("environment", null)]).Should().Be(SutKind.Candidate);

    // The workflow publishes the reference node once, wraps it in an image and gates that image in every phase job.
    [Fact]
    public void The_workflows_image_of_the_reference_node_is_the_reference_node() =>
        SutKind.Of([Record("default", SutKind.ReferenceImageRepository + ":campaign")]).Should().Be(SutKind.Reference);

    [Fact]
    public void The_workflow_tags_the_reference_nodes_image_with_that_repository()
    {
        var workflow = File.ReadAllText(Path.Combine(Support.Repo.Root, ".github", "workflows", "ship-gate.yml"));
        workflow.Should().Contain($"docker build -t {SutKind.ReferenceImageRepository}:")
            .And.Contain($"echo \"image={SutKind.ReferenceImageRepository}:")
            .And.Contain("SHIPGATE_NODE_IMAGE: ${{ needs.campaign.outputs.image }}");
    }

    [Fact]
    public void A_record_without_settings_is_no_reference_node() =>
        SutKind.Of([new JsonObject()]).Should().Be(SutKind.Candidate);
}
