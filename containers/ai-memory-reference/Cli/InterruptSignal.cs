using System.Runtime.InteropServices;

namespace AiMemory.Reference.Cli;

/// <summary>
/// A shell starts background jobs (`serve … &amp;`, nohup, CI runners) with SIGINT ignored, and .NET keeps an
/// inherited SIG_IGN for SIGINT instead of installing its handler, so SIGINT would never reach serve's drain.
/// ai-memory (tokio's ctrl_c) installs its handler whatever it inherited; resetting the disposition to the
/// default before registering does the same here.
/// </summary>
internal static partial class InterruptSignal
{
    private const int SigInt = 2;

    public static void ResetIgnored()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            signal(SigInt, IntPtr.Zero); // SIG_DFL
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call: keep what was inherited.
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr signal(int sig, IntPtr handler);
}
