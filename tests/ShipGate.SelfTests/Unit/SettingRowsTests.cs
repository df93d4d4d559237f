using System.Text.RegularExpressions;
using FluentAssertions;
using ShipGate.Contract.Criteria;
using ShipGate.Contract;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The settings rows and the fault-class list are the one source: docs/settings.md's table names each setting once
/// with the row's default, and the workflow names no fault class (its chaos_faults default is blank), and the fault runner's classes read the same list.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class SettingRowsTests
{
    private static readonly string Root = RepoRoot.Find();

    [Fact]
    public void TheSettingsPageTableHasEveryRowWithItsDefault()
    {
        var table = ReadmeTable();
        var documented = table.SelectMany(r => r.Names).ToList();

        documented.Should().OnlyHaveUniqueItems().And.BeEquivalentTo([.. GateSettings.Catalog.Select(c => c.Name), GateSettings.DockerHostVariable]);
        foreach (var row in GateSettings.Catalog)
        {
            var line = table.Single(r => r.Names.Contains(row.Name));
            var documentedDefault = line.Defaults.Count == line.Names.Count ? line.Defaults[line.Names.IndexOf(row.Name)] : line.DefaultCell;
            var expected = row.Default.Length == 0 ? "—" : row.Default;
            documentedDefault.Should().StartWith(expected, $"docs/settings.md's default of {row.Name} is the row's ('{row.Default}')");
        }
    }

    [Fact]
    public void TheWorkflowRestatesNoFaultClassList()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ship-gate.yml"));
        var inputs = WorkflowChaosFaults().Matches(workflow);

        inputs.Should().NotBeEmpty("the workflow has a chaos_faults input with a default");
        inputs.Select(i => i.Groups["default"].Value).Should().AllBe("", "a blank SHIPGATE_CHAOS_FAULTS is unset, so the profile's or the row's list applies");
        FaultClasses.All.Select(c => c.Name).Should().NotContain(n => workflow.Contains(n, StringComparison.Ordinal),
            "the fault classes are one list in the contract project; the workflow names none of them");
    }

    [Fact]
    public void TheFaultRunnersClassesAreTheOneList()
    {
        FaultClass.All.Select(c => (c.Name, c.GatedByDefault, string.Join(",", c.Aliases)))
            .Should().Equal(FaultClasses.All.Select(c => (c.Name, c.Gated, string.Join(",", c.Aliases))));
        GateSettings.Catalog.Single(c => c.Name == SettingNames.ChaosFaults).Default.Should().Be("kill_primary_mid_write,partition_minority");
    }

    private sealed record TableRow(List<string> Names, List<string> Defaults, string DefaultCell);

    /// <summary>The rows of docs/settings.md's table: the backticked names of the first cell, the backticked values of the second.</summary>
    private static List<TableRow> ReadmeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "settings.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Variable | Default | Meaning |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "docs/settings.md has the settings table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l =>
        {
            var cells = l.Split('|');
            return new TableRow(Ticked(cells[1]), Ticked(cells[2]), cells[2].Trim().Trim('`'));
        }).ToList();
    }

    private static List<string> Ticked(string cell) => [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("chaos_faults:\\s*\\n(?:\\s+\\w+:.*\\n)*?\\s+default:\\s*\"(?<default>[^\"]*)\"")]
    private static partial Regex WorkflowChaosFaults();
}
