namespace ShipGate.Results.Tests.Support;

/// <summary>The repository these tests run in: the first directory above the test binaries holding the gate's scripts.</summary>
internal static class Repo
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "containers", "scripts", "chromium.sh"))) return dir.FullName;
            throw new DirectoryNotFoundException($"no containers/scripts/chromium.sh above {AppContext.BaseDirectory}");
        }
    }
}
