namespace AiMemory.Reference.Cli;

/// <summary>The usage lines printed with a usage error (exit 2) or --help.</summary>
public static class Usage
{
    public const string General =
        "Usage: ai-memory [--db <PATH>] [--json] [--agent-id <ID>] <COMMAND>\n" +
        "Commands: store, recall, search, list, get, delete, namespaces, stats, gc, export, import, backup, restore, " +
        "curator, migrate, mcp, serve";

    private static readonly Dictionary<string, string> Lines = new(StringComparer.Ordinal)
    {
        ["store"] = "ai-memory store --title <TITLE> --content <CONTENT> [--tier <TIER>] [--namespace <NS>] [--tags <A,B>] " +
                    "[--priority <N>] [--confidence <C>] [--source <SRC>] [--expires-at <TS>] [--ttl-secs <N>] [--scope <SCOPE>]",
        ["recall"] = "ai-memory recall <QUERY> [--namespace <NS>] [--limit <N>] [--tags <TAG>] [--since <TS>] [--until <TS>] [--budget-tokens <N>]",
        ["search"] = "ai-memory search <QUERY> [--namespace <NS>] [--tier <TIER>] [--limit <N>]",
        ["list"] = "ai-memory list [--namespace <NS>] [--tier <TIER>] [--limit <N>] [--offset <N>]",
        ["get"] = "ai-memory get <ID>",
        ["delete"] = "ai-memory delete <ID>",
        ["namespaces"] = "ai-memory namespaces",
        ["stats"] = "ai-memory stats",
        ["gc"] = "ai-memory gc",
        ["export"] = "ai-memory export [--namespace <NS>]",
        ["import"] = "ai-memory import  (reads {\"memories\":[…]} or […] from stdin)",
        ["backup"] = "ai-memory backup [--to <DIR>] [--keep <N>]",
        ["restore"] = "ai-memory restore --from <FILE|DIR> [--skip-verify]",
        ["curator"] = "ai-memory curator (--once | --daemon | --rollback <ID> | --rollback-last <N>) [--dry-run] [--max-ops <N>] " +
                      "[--interval-secs <N>] [--include-namespace <NS>]… [--exclude-namespace <NS>]…",
        ["migrate"] = "ai-memory migrate --from <URL> --to <URL> [--batch <N>] [--namespace <NS>] [--dry-run]",
        ["mcp"] = "ai-memory mcp [--tier <keyword|semantic|smart|autonomous>]",
        ["serve"] = "ai-memory serve [--host <HOST>] [--port <PORT>] [--quorum-writes <W>] [--quorum-peers <URL,URL>] [--quorum-timeout-ms <MS>]",
    };

    public static string For(string command) => "Usage: " + (Lines.TryGetValue(command, out var line) ? line : General);
}
