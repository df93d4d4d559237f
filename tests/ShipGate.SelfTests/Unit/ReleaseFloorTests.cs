using FluentAssertions;
using ShipGate.Contract;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The release floor (fixtures/ShipGate.Contract/ReleaseFloor.cs) is the default profile's strength: profiles/default.json
/// over the built-in defaults meets it exactly, profiles/ci.json is below it (a rehearsal), profiles/full.json above it.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ReleaseFloorTests
{
    private static GateSettings Profile(string name) =>
        GateSettings.Load(new DictionarySettingsSource(new Dictionary<string, string?> { [SettingNames.Profile] = name }));

    private static Func<string, string?> Recorded(GateSettings s) => name => s.Sources.Single(v => v.Name == name).Value;

    [Fact]
    public void EveryFloorSettingIsAGateSetting()
    {
        var names = GateSettings.Catalog.Select(c => c.Name).ToHashSet();

        ReleaseFloor.Rows.SelectMany(r => r.Settings).Append(SettingNames.ChaosFaults).Should().OnlyContain(n => names.Contains(n));
        ReleaseFloor.Nodes.Should().Be(Topology.Nodes.Count);
        ReleaseFloor.QuorumWrites.Should().Be(Fixtures.Cluster.Cluster.QuorumWrites);
    }

    [Fact]
    public void TheDefaultProfileMeetsTheFloorExactly()
    {
        var recorded = Recorded(Profile("default"));

        ReleaseFloor.Shortfalls(recorded).Should().BeEmpty();
        foreach (var row in ReleaseFloor.Rows)
            row.Settings.Aggregate(1L, (a, n) => a * long.Parse(recorded(n)!)).Should().Be(row.Floor, row.Label);
    }

    [Fact]
    public void TheCiProfileIsARehearsal()
    {
        ReleaseFloor.Shortfalls(Recorded(Profile("ci"))).Should().Equal("chaos cycles 10 < 50", "soak seconds 10 < 30");
    }

    [Fact]
    public void TheFullProfileIsAboveTheFloor()
    {
        ReleaseFloor.Shortfalls(Recorded(Profile("full"))).Should().BeEmpty();
    }
}
