namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory delete ID`: a missing id is a runtime error (exit 1).</summary>
public static class DeleteCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, [], [], maxPositionals: 1);
        var id = a.Positional(0) ?? throw new UsageException("the following required arguments were not provided: <ID>");
        using var store = CliDefaults.OpenStore(global);
        if (!store.Delete(id)) throw new CommandFailedException($"memory not found: {id}");
        Console.Out.WriteLine(global.Json ? "{\"deleted\":true}" : $"deleted: {id}");
        return 0;
    }
}
