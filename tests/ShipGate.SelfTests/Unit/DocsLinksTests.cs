using System.Text.RegularExpressions;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The README is the front door and the docs hold what moved out of it: every relative link in them resolves inside
/// the repository, and none leaves it (a reader of a clone has nothing else); the phases page names every criterion.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class DocsLinksTests
{
    private static readonly string Root = RepoRoot.Find();

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")) pages.Add(Path.GetRelativePath(Root, page));
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryRelativeLinkResolvesInsideTheRepository(string page)
    {
        var path = Path.Combine(Root, page);
        var broken = Link().Matches(File.ReadAllText(path)).Select(m => m.Groups["target"].Value)
            .Where(t => !t.StartsWith("http", StringComparison.Ordinal))
            .Where(t =>
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, t));
                return !target.StartsWith(Root, StringComparison.Ordinal) || !(File.Exists(target) || Directory.Exists(target));
            })
            .ToList();
        Assert.True(broken.Count == 0, $"{page}: links that do not resolve inside the repository: {string.Join(", ", broken)}");
    }

    [Fact]
    public void ThePhasesPageListsEveryCriterionOfTheCatalog()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "phases.md"));
        var missing = ShipGate.Contract.Criteria.CriteriaCatalog.All.Select(c => c.What).Distinct()
            .Where(key => !page.Contains($"`{key}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/phases.md lacks criteria of the catalog: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\]\((?<target>[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex Link();
}
