using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>The guide's shape for C# sources: no line longer than <see cref="MaxLine"/> characters.</summary>
[Trait("Category", "Unit")]
public sealed class SourceShapeTests
{
    private const int MaxLine = 160;
    private static readonly string Root = RepoRoot.Find();
    private static readonly string[] Skipped = ["bin", "obj", ".git", "artifacts", "runs", "TestResults"];

    // The reference node's sources: wrapping them would make ./shipgate republish it (minutes of both cores);
    // wrap them with its next real change.
    private static readonly string[] LongLinesAllowed =
    [
        "containers/ai-memory-reference/Cli/NamespacesCommand.cs",
        "containers/ai-memory-reference/Mcp/AgentTools.cs",
        "containers/ai-memory-reference/Mcp/ToolCatalog.cs",
    ];

    [Fact]
    public void NoCSharpLineIsLongerThanTheGuideAllows()
    {
        var sources = Sources(Root).ToList();
        var tooLong = sources
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !LongLinesAllowed.Contains(f, StringComparer.Ordinal))
            .SelectMany(f => File.ReadLines(Path.Combine(Root, f)).Select((line, i) => (f, Line: i + 1, line.Length)))
            .Where(x => x.Length > MaxLine)
            .Select(x => $"{x.f}:{x.Line} ({x.Length} chars)")
            .ToList();

        Assert.True(sources.Count > 100, $"only {sources.Count} C# files found under {Root}: the walk is broken");
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over {MaxLine} chars: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void EveryAllowedFileStillExists() =>
        Assert.All(LongLinesAllowed, f => Assert.True(File.Exists(Path.Combine(Root, f)), $"{f} is gone: drop it from the allow-list"));

    private static IEnumerable<string> Sources(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs").Concat(Directory.EnumerateDirectories(dir)
            .Where(d => !Skipped.Contains(Path.GetFileName(d), StringComparer.Ordinal))
            .SelectMany(Sources));
}
