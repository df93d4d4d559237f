using ShipGate.SelfTests.Support;

namespace ShipGate.SelfTests.Mutants;

/// <summary>
/// One mutant campaign: the switch on every node, the phase's self-test shape (plus what the mutant needs), and its
/// red set judged against the switch's row in <see cref="KnownBad"/>.
/// </summary>
public static class MutantRun
{
    public static async Task RedOnAsync(int phase, string faultSwitch, TestLog log, IReadOnlyDictionary<string, string>? extra = null, string[]? classes = null)
    {
        var run = await SelfTestCampaign.PhaseAsync(phase, faultSwitch, faultSwitch, log, extra, classes ?? []);
        RedSet.ShouldBe(run, log, KnownBad.Of(faultSwitch, phase));
    }
}
