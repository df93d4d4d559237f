using System.Xml.Linq;
using FluentAssertions;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// Issue 11 case 6: a profile set RunConfiguration.EnvironmentVariables, which VSTest applies over the exported
/// environment, so the workflow's SHIPGATE_CHAOS_CYCLES was silently ignored. No runsettings file may carry a
/// gate setting: profiles are a settings layer below the environment.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProfileTests
{
    public static TheoryData<string> RunSettingsFiles =>
        new(Directory.GetFiles(Path.Combine(RepoRoot.Find(), "runsettings"), "*.runsettings").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(RunSettingsFiles))]
    public void NoRunSettingsFileSetsAGateSettingAsAnEnvironmentVariable(string file)
    {
        var doc = XDocument.Load(Path.Combine(RepoRoot.Find(), "runsettings", file));

        var names = doc.Descendants("EnvironmentVariables").Elements().Select(e => e.Name.LocalName);

        names.Where(n => n.StartsWith("SHIPGATE_", StringComparison.Ordinal)).Should().BeEmpty(
            "a runsettings environment variable beats the exported one, so the environment layer could not override the profile");
    }
}
