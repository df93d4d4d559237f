namespace AiMemory.Reference.Cli;

/// <summary>
/// $HOME/.config/ai-memory/config.toml (contract §3.1): written with commented defaults when missing — best effort, an
/// unwritable HOME never fails a command — and read unless AI_MEMORY_NO_CONFIG is set. `db` and `api_key` matter here.
/// </summary>
public static class ConfigFile
{
    private const string Defaults = """
        # ai-memory configuration (written with defaults on first run; every key is optional)
        # tier = "semantic"            # keyword | semantic | smart | autonomous
        # db = "ai-memory.db"          # used only when --db / AI_MEMORY_DB are not given
        # api_key = ""                 # when set, HTTP requests need X-API-Key
        # ollama_url = "http://localhost:11434"
        # archive_on_gc = true
        #
        # [ttl]
        # short_secs = 21600
        # mid_secs = 604800
        """;

    private static string? _db;

    /// <summary>
    /// The HTTP API key (top-level `api_key`); null = no key required. An empty value is a key like any other, as
    /// both releases read it (`Option&lt;String&gt;`: v0.6.0 src/config.rs:490, v0.7.0 src/config.rs:2283): requests then need an
    /// empty X-API-Key, and v0.7.0's bind guard (which only asks whether the key is set) lets serve bind.
    /// </summary>
    public static string? ApiKey { get; private set; }

    /// <summary>The top-level `tier`: serve's feature tier (mcp takes --tier instead).</summary>
    public static string? Tier { get; private set; }

    /// <summary>`profile` of the [mcp] table: v0.7.0's MCP tool profile when neither --profile nor AI_MEMORY_PROFILE names one.</summary>
    public static string? McpProfile { get; private set; }

    public static string? PathOnDisk
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".config", "ai-memory", "config.toml");
        }
    }

    public static void Load()
    {
        if (PathOnDisk is not { } path) return;
        try
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Defaults + "\n");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }

        if (Environment.GetEnvironmentVariable("AI_MEMORY_NO_CONFIG") is not null) return;
        try
        {
            var table = "";
            foreach (var raw in File.ReadLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith('[')) { table = line.Trim('[', ']', ' '); continue; }
                if (line.StartsWith('#') || line.IndexOf('=') is not (var eq and > 0)) continue;
                var value = line[(eq + 1)..].Trim().Trim('"');
                switch ((table, line[..eq].Trim()))
                {
                    case ("", "db"): _db = value; break;
                    case ("", "api_key"): ApiKey = value; break;
                    case ("", "tier"): Tier = value; break;
                    case ("mcp", "profile"): McpProfile = value; break;
                }
            }
            Console.Error.WriteLine($"ai-memory: loaded config from {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static string ResolveDb(string chosen, bool explicitlyGiven) =>
        explicitlyGiven || string.IsNullOrEmpty(_db) ? chosen : _db;
}
