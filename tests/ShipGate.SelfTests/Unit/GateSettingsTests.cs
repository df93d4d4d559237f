using FluentAssertions;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class GateSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 5, TimeSpan.Zero);

    private static GateSettings Load(params (string Name, string Value)[] values) =>
        GateSettings.Load(new DictionarySettingsSource(values.ToDictionary(v => v.Name, v => (string?)v.Value)), Now, "/repo");

    [Fact]
    public void DefaultsApplyWhenNothingIsSet()
    {
        var s = Load();

        s.NodeExecutablePath.Should().Be("/repo/artifacts/ai-memory-reference/ai-memory");
        s.NodeImageName.Should().BeNull();
        s.BaseImageName.Should().Be("debian:bookworm-slim");
        s.BaseImageIsDefault.Should().BeTrue();
        s.PostgresImageName.Should().Be("pgvector/pgvector:pg16");
        s.NodeEnvironment.Should().BeEmpty();
        s.NodeArguments.Should().BeEmpty();
        s.Port.Should().Be(9077);
        s.HealthTimeout.Should().Be(TimeSpan.FromSeconds(30));
        s.ConvergeDeadline.Should().Be(TimeSpan.FromSeconds(90));
        s.QuorumTimeout.Should().Be(3000);
        (s.Phase2Agents, s.Phase2WritesPerAgent, s.Phase3Rows).Should().Be((4, 50, 1000));
        (s.Cycles, s.WritesPerCycle).Should().Be((50, 100));
        s.Faults.Should().Equal("kill_primary_mid_write", "partition_minority");
        s.Campaign.Should().Be("20261123T093005Z");
        s.AiMemoryGitRef.Should().Be("unknown");
        s.ResultsDirectory.Should().Be("/repo/runs");
    }

    [Fact]
    public void EnvironmentValuesOverrideDefaults()
    {
        var s = Load(
            (SettingNames.NodeImage, "ghcr.io/x/ai-memory:v0.6.0"),
            (SettingNames.BaseImage, "debian:12"),
            (SettingNames.NodeEnv, "AI_MEMORY_PROFILE=full; RUST_LOG=debug=1"),
            (SettingNames.NodeArgs, "--shutdown-grace-secs 5 \"--x y\""),
            (SettingNames.NodePort, "9100"),
            (SettingNames.ConvergeDeadlineSecs, "15"),
            (SettingNames.ChaosFaults, "partition_minority"),
            (SettingNames.NodeExecutable, "/opt/ai-memory"));

        s.NodeImageName.Should().Be("ghcr.io/x/ai-memory:v0.6.0");
        s.BaseImageIsDefault.Should().BeFalse();
        s.NodeEnvironment.Should().Equal(new Dictionary<string, string> { ["AI_MEMORY_PROFILE"] = "full", ["RUST_LOG"] = "debug=1" });
        s.NodeArguments.Should().Equal("--shutdown-grace-secs", "5", "--x y");
        s.Port.Should().Be(9100);
        s.PeerUrl("node-b").Should().Be("http://node-b:9100");
        s.ConvergeDeadline.Should().Be(TimeSpan.FromSeconds(15));
        s.Faults.Should().Equal("partition_minority");
        s.NodeExecutablePath.Should().Be("/opt/ai-memory");
    }

    [Fact]
    public void BlankValuesMeanTheDefault()
    {
        Load((SettingNames.NodePort, "  "), (SettingNames.NodeImage, "")).Port.Should().Be(9077);
    }

    [Theory]
    [InlineData(SettingNames.NodePort, "abc")]
    [InlineData(SettingNames.NodePort, "70000")]
    [InlineData(SettingNames.HealthTimeoutSecs, "0")]
    [InlineData(SettingNames.P2Agents, "-1")]
    [InlineData(SettingNames.NodeEnv, "AI_MEMORY_PROFILE")]
    [InlineData(SettingNames.NodeImage, "not an image")]
    [InlineData(SettingNames.ChaosFaults, "kill_everything")]
    [InlineData(SettingNames.CampaignId, "a/b")]
    [InlineData(SettingNames.NodeArgs, "--x \"unclosed")]
    public void ABadValueFailsWithOneLineNamingTheSettingAndTheFix(string name, string value)
    {
        var act = () => Load((name, value));

        var e = act.Should().Throw<GateSettingsException>().Which;
        e.Problems.Should().ContainSingle();
        e.Message.Should().StartWith($"{name}='{value}' (from environment) is invalid:").And.Contain(" — ").And.NotContain("\n");
    }

    [Fact]
    public void EveryBadSettingIsReportedAtOnce()
    {
        var act = () => Load((SettingNames.NodePort, "x"), (SettingNames.ChaosCycles, "0"));

        act.Should().Throw<GateSettingsException>().Which.Problems.Should().SatisfyRespectively(
            p => p.Should().StartWith(SettingNames.NodePort),
            p => p.Should().StartWith(SettingNames.ChaosCycles));
    }

    [Fact]
    public void TheCatalogNamesEverySetting()
    {
        // SHIPGATE_ARGS is how the command-line layer travels, not a setting of its own.
        GateSettings.Catalog.Select(c => c.Name).Should().BeEquivalentTo(SettingNames.All.Where(n => n != SettingNames.Args));
    }
}
