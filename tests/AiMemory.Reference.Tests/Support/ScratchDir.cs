namespace AiMemory.Reference.Tests.Support;

/// <summary>A temporary working directory (with its own HOME) for one test, removed on dispose.</summary>
public sealed class ScratchDir : IDisposable
{
    public ScratchDir(string? name = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aimem-{name ?? "t"}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path);
        Home = System.IO.Path.Combine(Path, "home");
        Directory.CreateDirectory(Home);
    }

    public string Path { get; }

    public string Home { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
