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
        var run = phase switch
        {
            1 => await SelfTestCampaign.Phase1Async(SelfTestSettings.For(faultSwitch, 1, null, extra), faultSwitch, log),
            2 => await SelfTestCampaign.Phase2Async(SelfTestSettings.For(faultSwitch, 2, SelfTestSettings.Phase2Shape, extra), faultSwitch, log),
            3 => await SelfTestCampaign.Phase3Async(SelfTestSettings.For(faultSwitch, 3, SelfTestSettings.Phase3Shape, extra), faultSwitch, log),
            _ => await SelfTestCampaign.Phase4Async(SelfTestSettings.For(faultSwitch, 4, SelfTestSettings.Phase4Shape(classes ?? []), extra), faultSwitch, log),
        };
        RedSet.ShouldBe(run, log, KnownBad.Of(faultSwitch, phase));
    }
}
