namespace ShipGate.SelfTests.Support;

/// <summary>One campaign's outcome as a self-test judges it: every finding of the phase, and the wall time.</summary>
public sealed record PhaseRun(int Phase, string Variant, IReadOnlyList<Finding> Findings, TimeSpan Wall)
{
    /// <summary>Phase 4's evidence record (null for other phases), for self-tests that judge part of it.</summary>
    public Phase4Evidence? Chaos { get; init; }

    public IReadOnlyList<Finding> Red => [.. Findings.Where(f => !f.Verdict.Passed)];
}
