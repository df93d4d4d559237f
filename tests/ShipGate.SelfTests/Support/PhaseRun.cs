namespace ShipGate.SelfTests.Support;

/// <summary>One campaign's outcome as a self-test judges it: every finding of the phase, and the wall time.</summary>
public sealed record PhaseRun(int Phase, string Variant, IReadOnlyList<Finding> Findings, TimeSpan Wall)
{
    public IReadOnlyList<Finding> Red => [.. Findings.Where(f => !f.Verdict.Passed)];
}
