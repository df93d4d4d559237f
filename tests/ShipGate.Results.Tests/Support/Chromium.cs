using System.Diagnostics;

namespace ShipGate.Results.Tests.Support;

/// <summary>Headless Chromium through containers/scripts/chromium.sh, which installs Debian's chromium when it is missing.</summary>
public static class Chromium
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    /// <summary>The DOM of <paramref name="file"/> after load, inline scripts run; <paramref name="fragment"/> is the part after '#'.</summary>
    public static string DumpDom(string file, string fragment = "")
    {
        var url = new Uri(Path.GetFullPath(file)).AbsoluteUri + (fragment.Length > 0 ? "#" + fragment : "");
        var psi = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "containers", "scripts", "chromium.sh"), "dump-dom", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var chromium = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var stderr = chromium.StandardError.ReadToEndAsync();
        var dom = chromium.StandardOutput.ReadToEndAsync();
        if (!chromium.WaitForExit(Bound))
        {
            chromium.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium.sh dump-dom {url}: no exit within {Bound.TotalMinutes} min");
        }

        chromium.ExitCode.Should().Be(0, $"chromium.sh dump-dom {url} failed: {stderr.Result}");
        return dom.Result;
    }
}
