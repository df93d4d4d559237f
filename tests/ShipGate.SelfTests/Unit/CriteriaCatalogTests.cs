using FluentAssertions;
using ShipGate.Contract.Criteria;
using ShipGate.Fixtures.Faults;
using NodeCluster = ShipGate.Fixtures.Cluster.Cluster;

namespace ShipGate.SelfTests.Unit;

/// <summary>The catalog is the one list: every row has its verdict, and every verdict reports the row's own key.</summary>
[Trait("Category", "Unit")]
public sealed class CriteriaCatalogTests
{
    private static readonly IReadOnlyDictionary<int, object> SetupFailed = new Dictionary<int, object>
    {
        [1] = Phase1Evidence.Failed("no engine", null, 0),
        [2] = Phase2Evidence.Failed("no engine", null, 0),
        [3] = Phase3Evidence.Failed("no engine", null, null, 0, 0),
        [4] = Phase4Evidence.Failed("no engine", null, [], 0),
    };

    [Fact]
    public void EveryRowHasAVerdictAndEveryVerdictARow()
    {
        CriteriaCatalog.All.Where(row => !CriteriaVerdicts.IsBound(row)).Should().BeEmpty("every catalog row needs its verdict bound");
        CriteriaVerdicts.BoundCount.Should().Be(CriteriaCatalog.All.Count, "a binding of a row the catalog does not list is dead");
    }

    public static TheoryData<string> AllKeys => new(CriteriaCatalog.Phases.SelectMany(CriteriaCatalog.AllFacts).Select(f => f.Key));

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void EachFactsVerdictReportsItsKeyPhaseAndNodeAndIsRedWithoutEvidence(string key)
    {
        var fact = CriteriaCatalog.Fact(key);

        var finding = CriteriaVerdicts.Judge(fact, SetupFailed[fact.Phase]);

        finding.Criterion.Should().Be(fact.Key);
        finding.Phase.Should().Be(fact.Phase);
        if (fact.Node is not null) finding.Node.Should().Be(fact.Node);
        finding.Bound.Should().Be(fact.Criterion.Bound);
        finding.Verdict.Outcome.Should().Be(fact.Criterion.What.EndsWith("preflight", StringComparison.Ordinal) ? Outcome.Fail : Outcome.NoEvidence,
            "a phase that could not act fails its preflight and has no evidence for anything else");
    }

    [Fact]
    public void KeysAndDisplayNamesAreUnique()
    {
        var facts = CriteriaCatalog.Phases.SelectMany(CriteriaCatalog.AllFacts).ToList();
        facts.Select(f => f.Key).Should().OnlyHaveUniqueItems();
        facts.Select(f => f.DisplayName).Should().OnlyHaveUniqueItems();
        facts.Should().HaveCount(CriteriaCatalog.All.Sum(c => c.Scope switch
        {
            Scope.PerNode => Topology.Nodes.Count,
            Scope.PerFaultClass => Topology.AllFaults.Count,
            _ => 1,
        }));
    }

    [Fact]
    public void TheCatalogsNodesAndFaultClassesAreTheGatesOwn()
    {
        Topology.Nodes.Should().Equal(NodeCluster.Aliases);
        Topology.AllFaults.Should().BeEquivalentTo(FaultClass.All.Select(c => c.Name));
        Topology.GatedFaults.Should().BeEquivalentTo(FaultClass.All.Where(c => c.GatedByDefault).Select(c => c.Name));
    }

    [Fact]
    public void Phase4JudgesTheGatedClassesAndOnlyTheOptInOnesThatRan()
    {
        var e = Phase4Evidence.Failed("x", null, ["kill_primary_mid_write", "pause_peer"], 0);

        CriteriaVerdicts.Findings(4, e).Select(f => f.Criterion).Should().Contain("p4.pause_peer.acknowledged")
            .And.Contain("p4.partition_minority.acknowledged").And.NotContain(c => c.Contains("clock_skew_peer", StringComparison.Ordinal));
    }
}
