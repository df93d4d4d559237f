using FluentAssertions;
using ShipGate.Contract.Criteria;
using ShipGate.SelfTests.BadConfig;
using ShipGate.SelfTests.Mutants;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The gate is itself tested: every criterion of the catalog has a known-bad node that turns one of its facts red
/// (a mutant's row in <see cref="KnownBad"/>, or for a preflight a bad configuration), so a criterion added without
/// one fails here, and every key a known-bad names is a fact the catalog holds.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CriterionCoverageTests
{
    private static readonly HashSet<string> ProvenRed =
    [
        .. KnownBad.All.SelectMany(k => k.Proves),
        .. BadConfigCase.All.Select(c => $"p{c.Phase}.preflight"),
    ];

    public static TheoryData<string> Criteria => new(CriteriaCatalog.All.Select(Name));

    [Theory]
    [MemberData(nameof(Criteria))]
    public void EveryCriterionHasAKnownBadNode(string criterion)
    {
        var row = CriteriaCatalog.All.Single(c => Name(c) == criterion);
        var facts = row.Facts(Topology.AllFaults).Select(f => f.Key).ToList();
        facts.Should().Contain(k => ProvenRed.Contains(k), $"some known-bad node (KnownBad.All, BadConfigCase.All) must turn a fact of {criterion} red");
    }

    [Fact]
    public void EveryKnownBadNamesCatalogFactsOnlyOnceEach()
    {
        foreach (var k in KnownBad.All)
        {
            foreach (var key in k.Red.Concat(k.MayAlsoBeRed ?? []))
                CriteriaCatalog.Fact(key).Phase.Should().Be(k.Phase, $"{k.Switch} in Phase {k.Phase} names {key}");
            k.Red.Should().OnlyHaveUniqueItems();
        }

        KnownBad.All.Select(k => (k.Switch, k.Phase)).Should().OnlyHaveUniqueItems("one row per switch and phase");
    }

    /// <summary>A row expecting nothing red proves nothing; no evidence is expected only where the row says why.</summary>
    [Fact]
    public void EveryKnownBadExpectsSomethingRedAndSaysWhyWhereItExpectsNoEvidence()
    {
        foreach (var k in KnownBad.All)
        {
            k.Red.Should().NotBeEmpty($"{k.Switch} in Phase {k.Phase} must name what it turns red, or it is no known-bad node there");
            k.Failed.Intersect(k.Unproven ?? []).Should().BeEmpty($"{k.Switch} in Phase {k.Phase} expects each fact to fail or to have no evidence, not both");
            if (k.Unproven is { Count: > 0 }) k.UnprovenWhy.Should().NotBeNullOrWhiteSpace($"{k.Switch} in Phase {k.Phase} expects no evidence");
            else k.UnprovenWhy.Should().BeNull($"{k.Switch} in Phase {k.Phase} gives a why for no evidence it does not expect");
        }
    }

    private static string Name(Criterion c) => $"p{c.Phase}:{c.What}";
}
