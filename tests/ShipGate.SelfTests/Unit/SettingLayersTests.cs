using FluentAssertions;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;
using static ShipGate.Contract.SettingNames;

namespace ShipGate.SelfTests.Unit;

/// <summary>Built-in defaults &lt; profile &lt; environment &lt; command line, and the layer each value came from.</summary>
[Trait("Category", "Unit")]
public sealed class SettingLayersTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("shipgate-layers-").FullName;

    public SettingLayersTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "profiles"));
        File.WriteAllText(Path.Combine(_root, "profiles", "default.json"), """{ "SHIPGATE_CHAOS_CYCLES": "50", "SHIPGATE_CHAOS_WRITES": "100" }""");
        File.WriteAllText(Path.Combine(_root, "profiles", "ci.json"), """{ "SHIPGATE_CHAOS_CYCLES": "10", "SHIPGATE_P3_ROWS": "300" }""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private GateSettings Load(params (string Name, string Value)[] env) =>
        GateSettings.Load(new DictionarySettingsSource(env.ToDictionary(v => v.Name, v => (string?)v.Value)), null, _root);

    private static string Source(GateSettings s, string name) => s.Sources.Single(v => v.Name == name).Source;

    [Fact]
    public void AnExportedVariableBeatsTheDefaultProfile()
    {
        // The reproduction: the default profile says 50 cycles, the workflow exports 2.
        var s = Load((ChaosCycles, "2"));

        s.Cycles.Should().Be(2);
        Source(s, ChaosCycles).Should().Be("environment");
        s.WritesPerCycle.Should().Be(100);
        Source(s, ChaosWrites).Should().Be("profile default");
        Source(s, P3Rows).Should().Be("default");
    }

    [Fact]
    public void TheCommandLineBeatsTheEnvironmentWhichBeatsTheChosenProfile()
    {
        var s = Load((Profile, "ci"), (P3Rows, "400"), (ChaosCycles, "7"), (Args, "chaos-cycles=3\nSHIPGATE_CHAOS_WRITES=20"));

        (s.Cycles, Source(s, ChaosCycles)).Should().Be((3, "command line"));
        (s.WritesPerCycle, Source(s, ChaosWrites)).Should().Be((20, "command line"));
        (s.Phase3Rows, Source(s, P3Rows)).Should().Be((400, "environment"));
        Source(s, Profile).Should().Be("environment");
        s.Sources.Single(v => v.Name == ChaosCycles).Value.Should().Be("3");
    }

    [Fact]
    public void DockerHostIsReadFromTheEnvironmentOnlyAndRecorded()
    {
        var set = Load((GateSettings.DockerHostVariable, " tcp://127.0.0.1:2375 "));
        var unset = Load((GateSettings.DockerHostVariable, " "));

        (set.DockerHost, Source(set, GateSettings.DockerHostVariable)).Should().Be(("tcp://127.0.0.1:2375", "environment"));
        (unset.DockerHost, Source(unset, GateSettings.DockerHostVariable)).Should().Be((null, "default"));
        // Testcontainers reads the process environment: a DOCKER_HOST typed after ./shipgate gate would not choose the engine.
        FluentActions.Invoking(() => Load((Args, "DOCKER_HOST=tcp://127.0.0.1:2375"))).Should().Throw<GateSettingsException>();
    }

    [Fact]
    public void AProfileChosenOnTheCommandLineApplies()
    {
        var s = Load((Args, "profile=ci"));

        (s.Cycles, Source(s, ChaosCycles)).Should().Be((10, "profile ci"));
        (s.Phase3Rows, Source(s, P3Rows)).Should().Be((300, "profile ci"));
    }

    [Fact]
    public void ABlankVariableIsUnsetAndTheProfileValueStands()
    {
        var s = Load((Profile, "ci"), (ChaosCycles, " "));

        (s.Cycles, Source(s, ChaosCycles)).Should().Be((10, "profile ci"));
    }

    [Fact]
    public void ABadValueNamesItsLayer()
    {
        var act = () => Load((Args, "chaos-cycles=ten"));

        act.Should().Throw<GateSettingsException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith($"{ChaosCycles}='ten' (from command line) is invalid");
    }

    [Theory]
    [InlineData("meteor=1")]
    [InlineData("just-a-word")]
    public void AnUnknownCommandLineSettingIsAProblemNotIgnored(string word)
    {
        var act = () => Load((Args, word));

        act.Should().Throw<GateSettingsException>().Which.Problems.Should().ContainSingle().Which.Should().Contain(Args).And.Contain(word);
    }

    [Fact]
    public void AnUnknownProfileIsAProblemNamingTheKnownOnes()
    {
        var act = () => Load((Profile, "nightly"));

        act.Should().Throw<GateSettingsException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain(Profile).And.Contain("ci, default");
    }

    [Fact]
    public void TheRepositoryProfilesParseAndSetOnlyKnownSettings()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Find(), "profiles"), "*.json"))
        {
            var keys = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject().Select(kv => kv.Key).Where(k => k != "//");
            keys.Should().OnlyContain(k => SettingNames.All.Contains(k), file);
            var s = GateSettings.Load(new DictionarySettingsSource(new Dictionary<string, string?> { [Profile] = Path.GetFileNameWithoutExtension(file) }));
            s.Sources.Should().Contain(v => v.Source == $"profile {Path.GetFileNameWithoutExtension(file)}", file);
        }
    }
}
