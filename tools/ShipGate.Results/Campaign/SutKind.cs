using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Model;

namespace ShipGate.Results.Campaign;

/// <summary>
/// Whether a campaign gated the bundled reference node or a candidate's own build, read from the settings its phase
/// records carry: no image given and the executable setting left at its default is the reference node, which the
/// gate publishes itself; so is an image of <see cref="ReferenceImageRepository"/>, the workflow's wrapping of it.
/// Only a label, and one that can only make a campaign less of a release decision: the verdicts are the same, but
/// such a campaign is never a release decision, and the summary, the page and the closing line say so.
/// </summary>
public static class SutKind
{
    public const string Reference = "reference node";
    public const string Candidate = "candidate";
    public const string Note = "reference node: a demonstration, not a release decision";

    /// <summary>The repository the CI workflow tags the reference node's image with, when it gates no candidate image.</summary>
    public const string ReferenceImageRepository = "shipgate/reference-node";

    public static string Of(IEnumerable<JsonObject?> records) => records.Any(IsReference) ? Reference : Candidate;

    private static bool IsReference(JsonObject? record) =>
        J.At(record, "settings") is JsonArray settings
        && (settings.Any(s => J.Str(s, "name") == SettingNames.NodeExecutable && J.Str(s, "source") == "default")
            && settings.Any(s => J.Str(s, "name") == SettingNames.NodeImage && string.IsNullOrEmpty(J.Str(s, "value")))
            || settings.Any(s => J.Str(s, "name") == SettingNames.NodeImage && J.Str(s, "value")?.Split(':')[0] == ReferenceImageRepository));
}
