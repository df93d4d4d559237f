using ShipGate.Contract.Versions;
using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The version rows: the row a --version line is given (its own, or the nearest said plainly), what the row applies to
/// the nodes (key, profile, quota spreading), and the docs table kept in step.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SupportedVersionsTests
{
    [Theory]
    [InlineData("ai-memory 0.6.0", "v0.6.0")]
    [InlineData("ai-memory 0.6.2", "v0.6.1–v0.6.2")]
    [InlineData("ai-memory 0.6.3+patch.1", "v0.6.3")]
    [InlineData("ai-memory 0.6.4", "v0.6.4 (HEAD)")]
    [InlineData("ai-memory 0.7.0", "v0.7.0")]
    public void AKnownVersionMatchesItsRow(string line, string row)
    {
        var applied = SupportedVersions.Apply(line);
        Assert.True(applied.Exact);
        Assert.Equal(row, applied.Row.Name);
        Assert.Equal(row, applied.Label);
        Assert.Contains($"matches the gate's row {row}", applied.Note);
    }

    [Theory]
    [InlineData("ai-memory 0.7.1", "v0.7.0", "NEWER than every version the gate knows")]
    [InlineData("ai-memory 1.0.0", "v0.7.0", "NEWER than every version the gate knows")]
    [InlineData("ai-memory 0.6.5", "v0.6.4 (HEAD)", "falls between the gate's rows")]
    [InlineData("ai-memory 0.5.9", "v0.6.0", "older than every version the gate knows")]
    [InlineData("ai-memory dev", "v0.7.0", "names no version the gate can read")]
    public void AnUnknownVersionGetsTheNearestRowSaidPlainly(string line, string row, string words)
    {
        var applied = SupportedVersions.Apply(line);
        Assert.False(applied.Exact);
        Assert.Equal(row, applied.Row.Name);
        Assert.StartsWith($"{row} (", applied.Label); // the summary's version_row names the row and why
        Assert.Contains(words, applied.Note);
        Assert.Contains($"the gate applies the row {row}", applied.Note);
    }

    [Fact]
    public void OnlyV070TakesAKeyAndAQuota()
    {
        // A keyed v0.6.x cluster answers 401 to its own peers (fan-out sends no key): every write 503.
        Assert.All(SupportedVersions.All.Where(r => r.From < new Version(0, 7, 0)), r => Assert.False(r.Needs.ApiKey));
        var v070 = SupportedVersions.Apply("ai-memory 0.7.0").Needs;
        Assert.True(v070.ApiKey);
        Assert.Equal("full", v070.McpProfile);
        Assert.Equal(1000, v070.MemoriesPerAgentPerDay);
    }

    [Fact]
    public void WritesSpreadOverAgentsUnderTheQuota()
    {
        var v070 = SupportedVersions.Apply("ai-memory 0.7.0").Needs;
        var v060 = SupportedVersions.Apply("ai-memory 0.6.0").Needs;
        var perAgent = Enumerable.Range(0, 1000).GroupBy(i => v070.AgentFor("ai:p3", i)).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["ai:p3"] = 800, ["ai:p3-2"] = 200 }, perAgent);
        Assert.Null(v070.AgentFor(null, 0));
        Assert.Equal("ai:shipgate-writer-2", v070.AgentFor(null, 800));
        Assert.Equal("soak", v060.AgentFor("soak", 5000)); // no quota: one agent, as before
    }

    [Fact]
    public void TheSetupWritesTheKeyOnlyWhereTheRowNeedsOneAndNeverShowsIt()
    {
        var settings = GateSettings.Load(new DictionarySettingsSource(new Dictionary<string, string?> { ["SHIPGATE_NODE_API_KEY"] = "sekret-1" }));
        var v070 = NodeSetup.For(SupportedVersions.Apply("ai-memory 0.7.0"), settings);
        var v060 = NodeSetup.For(SupportedVersions.Apply("ai-memory 0.6.0"), settings);
        Assert.Equal("sekret-1", v070.ApiKey);
        Assert.Contains("api_key = \"sekret-1\"", v070.ConfigToml());
        Assert.Contains("tier = \"keyword\"", v070.ConfigToml());
        Assert.Equal("full", v070.Environment["AI_MEMORY_PROFILE"]);
        Assert.DoesNotContain("sekret-1", v070.ToString());
        Assert.DoesNotContain("sekret-1", string.Join(" ", settings.Sources.Select(s => s.Value)));
        Assert.Null(v060.ApiKey);
        Assert.DoesNotContain("api_key", v060.ConfigToml());
    }

    [Fact]
    public void TheDocsTableHoldsEveryRowAsWritten()
    {
        var doc = File.ReadAllLines(Path.Combine(RepoRoot.Find(), "docs", "supported-versions.md"))
            .Where(l => l.StartsWith("| v", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1]);
        Assert.Equal(SupportedVersions.All.Select(r => r.Name), doc.Keys);
        foreach (var row in SupportedVersions.All)
        {
            var cells = doc[row.Name];
            Assert.Equal(row.McpTools?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "by profile", cells[3]);
            Assert.Equal(row.Differs, cells[4]);
            Assert.Equal(row.Needs.Describe(), cells[5]);
        }
    }
}
