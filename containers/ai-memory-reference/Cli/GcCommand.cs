namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory gc`: deletes expired rows.</summary>
public static class GcCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        ArgReader.Parse(args, [], []);
        using var store = CliDefaults.OpenStore(global);
        var removed = store.CollectGarbage();
        Console.Out.WriteLine(global.Json ? $"{{\"removed\":{removed}}}" : $"removed {removed} expired memories");
        return 0;
    }
}
