using ShipGate.Contract.Versions;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>The version rows: which row a --version line matches, a plain word for an unknown one, and the docs table kept in step.</summary>
[Trait("Category", "Unit")]
public sealed class SupportedVersionsTests
{
    [Theory]
    [InlineData("ai-memory 0.6.0", "v0.6.0")]
    [InlineData("ai-memory 0.6.2", "v0.6.1–v0.6.2")]
    [InlineData("ai-memory 0.6.3+patch.1", "v0.6.3")]
    [InlineData("ai-memory 0.6.4", "v0.6.4 (HEAD)")]
    public void AKnownVersionMatchesItsRow(string line, string row)
    {
        var (match, note) = SupportedVersions.Match(line);
        Assert.Equal(row, match?.Name);
        Assert.Contains($"matches the gate's row {row}", note);
    }

    [Theory]
    [InlineData("ai-memory 0.6.5", "NEWER than every version the gate knows")]
    [InlineData("ai-memory 1.0.0", "NEWER than every version the gate knows")]
    [InlineData("ai-memory 0.5.9", "older than every version the gate knows")]
    [InlineData("ai-memory dev", "names no version the gate can read")]
    public void AnUnknownVersionIsSaidPlainly(string line, string words)
    {
        var (match, note) = SupportedVersions.Match(line);
        Assert.Null(match);
        Assert.Contains(words, note);
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
            Assert.Equal(row.Settings, cells[5]);
        }
    }
}
