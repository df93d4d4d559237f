using System.Diagnostics;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// Progress lines to the test's output, stamped with the seconds since the test began. Campaigns log from
/// several tasks at once; a line arriving after the test ended (a late cleanup) is dropped, not thrown.
/// </summary>
public sealed class TestLog(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    public void Line(string text)
    {
        lock (_gate)
        {
            try
            {
                output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {text}");
            }
            catch (InvalidOperationException)
            {
                // The test is over; nobody reads this line.
            }
        }
    }
}
