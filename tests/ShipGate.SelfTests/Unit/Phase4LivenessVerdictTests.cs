using FluentAssertions;

namespace ShipGate.SelfTests.Unit;

/// <summary>p4.&lt;class&gt;.liveness: every serve the fault did not kill, still alive at each cycle's end.</summary>
[Trait("Category", "Unit")]
public sealed class Phase4LivenessVerdictTests
{
    private const string Kill = "kill_primary_mid_write";

    private static NodeLiveness Alive(string node) => new(node, "pid 40", "pid 40", 0, true, null, false, true, "200 ok", [], null);

    private static NodeLiveness Gone(string node) =>
        new(node, "pid 40", "pid 40", 0, false, null, false, false, "pid 40 has left /proc (exited and reaped; its exit code is not observable)",
            ["panic: push to peer failed"], null);

    private static ChaosCycleRecord Cycle(int n, IReadOnlyList<NodeLiveness>? liveness, string? killed = "node-a") =>
        new ChaosCycleRecord(n, Kill, 30, 3, 0, 27, null, 3, 3, 0, 0, [], [], true, true, 0.1, 1.4, null) { Liveness = liveness, KilledByFault = killed };

    private static Phase4Evidence Evidence(params ChaosCycleRecord[] cycles) =>
        new(null, "img", [Kill], [new ChaosClassEvidence(Kill, "SIGKILL node 0", true, null, cycles.Length, 30, 500, false, null, cycles, [], 7)],
            Phase4Evidence.ResetInPlace, 7);

    [Fact]
    public void EveryCheckedServeAliveIsGreenAndTheKilledNodeIsNotJudged()
    {
        var finding = Phase4Verdicts.Liveness(Evidence(Cycle(1, [Alive("node-b"), Alive("node-c")]), Cycle(2, [Alive("node-b"), Alive("node-c")])), Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Pass);
        finding.Verdict.Message.Should().Contain("4 serve processes").And.Contain("node-a killed by the fault, not judged, in 2 cycles");
    }

    [Fact]
    public void AServeThatDiedOnItsOwnIsRedNamingCycleNodeAndLog()
    {
        var finding = Phase4Verdicts.Liveness(Evidence(Cycle(1, [Alive("node-b"), Alive("node-c")]), Cycle(2, [Alive("node-b"), Gone("node-c")])), Kill);

        finding.Verdict.Outcome.Should().Be(Outcome.Fail);
        finding.Verdict.Message.Should().Contain("c2 node-c exited in cycle 2").And.Contain("panic: push to peer failed");
        finding.Measured.Should().Be(1);
    }

    [Fact]
    public void AHealthyLookingButUnansweringServeIsRed() =>
        Phase4Verdicts.Liveness(Evidence(Cycle(1, [Alive("node-b") with { Healthy = false, HealthAnswer = "no answer within 5 s" }])), Kill)
            .Verdict.Outcome.Should().Be(Outcome.Fail);

    [Fact]
    public void ZeroCyclesOrACycleNeverCheckedIsNoEvidenceNeverAPass()
    {
        Phase4Verdicts.Liveness(Evidence(), Kill).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        Phase4Verdicts.Liveness(Evidence(Cycle(1, [Alive("node-b")]), Cycle(2, null)), Kill).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
        Phase4Verdicts.Liveness(Evidence(Cycle(1, [])), Kill).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
    }

    [Fact]
    public void AnUnreadableLivenessIsRed() =>
        Phase4Verdicts.Liveness(Evidence(Cycle(1, [new NodeLiveness("node-b", "pid 40", null, 0, false, null, false, false, "", [], "exec failed")])), Kill)
            .Verdict.Message.Should().Contain("node-b's liveness could not be read: exec failed");

    [Fact]
    public void NoHttpBodyReadIsNoEvidenceForTheShapeFact() =>
        Phase4Verdicts.HttpShape(Evidence(Cycle(1, [Alive("node-b")]))).Verdict.Outcome.Should().Be(Outcome.NoEvidence);
}
