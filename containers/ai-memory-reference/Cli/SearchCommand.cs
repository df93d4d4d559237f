using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory search QUERY`: read-only keyword AND search.</summary>
public static class SearchCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args, ["-n,--namespace", "-t,--tier", "--limit", "--tags", "--since", "--until"], [], maxPositionals: 1);
        var query = a.Positional(0) ?? throw new UsageException("the following required arguments were not provided: <QUERY>");
        using var store = CliDefaults.OpenStore(global);
        var rows = store.Search(new SearchQuery
        {
            Query = query, Namespace = a.String("namespace"), Tier = a.String("tier"),
            Limit = Math.Clamp(a.Int("limit") ?? 20, 0, 200),
            Tag = a.String("tags"), Since = a.String("since"), Until = a.String("until"),
        });
        ListCommand.Print(rows, global.Json, "results");
        return 0;
    }
}
