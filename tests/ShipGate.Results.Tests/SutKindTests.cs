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

    [Fact]
    public void A_record_without_settings_is_no_reference_node() =>
        SutKind.Of([new JsonObject()]).Should().Be(SutKind.Candidate);
}
