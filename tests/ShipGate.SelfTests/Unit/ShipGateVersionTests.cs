using System.Diagnostics;
using System.Text.RegularExpressions;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// ShipGate's own release is one line, VERSION (MAJOR.MINOR.PATCH, tagged vMAJOR.MINOR.PATCH, with vMAJOR moved to it,
/// so a pipeline pins the gate's workflow @v1): `./shipgate --version` prints it with the commit, and every campaign
/// summary records it as shipgate_version (tests/ShipGate.Results.Tests/WorkflowResultsJobTests).
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class ShipGateVersionTests
{
    private static readonly string Root = RepoRoot.Find();

    [Fact]
    public void TheVersionIsOneSemanticVersionLine() =>
        Assert.Matches(SemVer(), File.ReadAllText(Path.Combine(Root, "VERSION")));

    [Fact]
    public async Task ShipgateVersionPrintsItWithTheCommit()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "shipgate"), "--version"]) { RedirectStandardOutput = true };
        using var shipgate = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = await shipgate.StandardOutput.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await shipgate.WaitForExitAsync(bound.Token);

        Assert.Equal(0, shipgate.ExitCode);
        Assert.Matches($@"^shipgate {Regex.Escape(File.ReadAllText(Path.Combine(Root, "VERSION")).Trim())} \((?:[0-9a-f]{{7,}}|unknown)\)\n$", output);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\n?$")]
    private static partial Regex SemVer();
}
