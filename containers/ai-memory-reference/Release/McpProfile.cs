using System.Text.Json.Nodes;

namespace AiMemory.Reference.Release;

/// <summary>
/// v0.7.0's MCP tool profiles (src/profile.rs): a set of eight families; `core` (the default) loads 7 tools plus the
/// always-on memory_capabilities (:111), `full` all 71. Named profiles core, graph, admin, power, full (:525-574), or a
/// comma list of them and of family names, `core` always added (:618-680); upper case and unknown names are errors
/// (:707-730). Resolution: `mcp --profile` &gt; AI_MEMORY_PROFILE &gt; config.toml's [mcp] profile &gt; core
/// (src/config.rs:3741-3749, src/daemon_runtime.rs:172-186).
/// </summary>
public sealed class McpProfile
{
    public const string EnvironmentVariable = "AI_MEMORY_PROFILE";
    public static readonly IReadOnlyList<string> Families = ["core", "lifecycle", "graph", "governance", "power", "meta", "archive", "other"];
    private static readonly IReadOnlyList<string> AlwaysOn = ["memory_capabilities"];

    private static readonly Dictionary<string, string[]> Named = new(StringComparer.Ordinal)
    {
        ["core"] = ["core"], ["graph"] = ["core", "graph"], ["admin"] = ["core", "lifecycle", "governance"],
        ["power"] = ["core", "power"], ["full"] = [.. Families],
    };

    private McpProfile(IReadOnlyList<string> families) => LoadedFamilies = families;

    /// <summary>In declaration order, as the release sorts them.</summary>
    public IReadOnlyList<string> LoadedFamilies { get; }

    public static McpProfile Core { get; } = new(["core"]);

    /// <summary>A profile string, or the release's ProfileParseError text.</summary>
    public static McpProfile Parse(string? raw)
    {
        var trimmed = raw?.Trim() ?? "";
        if (trimmed.Length == 0) return Core;
        if (trimmed.Any(char.IsAsciiLetterUpper))
            throw new ProfileException(
                $"profile '{trimmed}' contains uppercase letters; profile vocabulary is case-sensitive lowercase (e.g. 'core', not 'Core')");
        var families = new HashSet<string>(StringComparer.Ordinal) { "core" };
        foreach (var token in trimmed.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (Named.TryGetValue(token, out var named)) families.UnionWith(named);
            else if (Families.Contains(token)) families.Add(token);
            else throw new ProfileException($"unknown profile or family '{token}'. Valid profiles: core, graph, admin, power, full. " +
                                            $"Valid families: {string.Join(", ", Families)}.");
        }
        return new McpProfile([.. Families.Where(families.Contains)]);
    }

    /// <summary>--profile, else AI_MEMORY_PROFILE, else the config file's [mcp] profile, else core.</summary>
    public static McpProfile Resolve(string? flag, string? configured) =>
        Parse(flag ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? configured);

    public bool Loads(string tool) => AlwaysOn.Contains(tool) || (FamilyOf(tool) is { } f && LoadedFamilies.Contains(f));

    public static string? FamilyOf(string tool) =>
        V070Tools.Families.FirstOrDefault(f => f.Value.Contains(tool)).Key;

    /// <summary>tools/call of a tool outside the profile (src/mcp/mod.rs:809-832): JSON-RPC −32601 with a hint.</summary>
    public static string NotLoaded(string tool) => FamilyOf(tool) is { } f
        ? $"tool '{tool}' is in family '{f}' which is not loaded under the active profile. Restart with `--profile <name>` or " +
          $"`--profile core,{f}` to load it, or call `memory_capabilities --include-schema family={f}` to expand at runtime."
        : $"tool '{tool}' is not registered in this build. Call `memory_capabilities` to see available tools.";

    public sealed class ProfileException(string message) : Exception(message);
}

/// <summary>
/// The 71 tools of v0.7.0's registry (src/mcp/registry.rs tool_definitions, with docs and property descriptions stripped
/// as every tools/list does, :386-420) and their families, extracted by containers/scripts/v070-mcp-tools.py into
/// Mcp/v070-tools.json and embedded. tools/list keeps the profile's tools in registry order and, unless
/// AI_MEMORY_TOOLS_VERBOSE is 1 or true, drops every optional parameter but namespace and format (:38-108, :310-340).
/// </summary>
public static class V070Tools
{
    private static readonly Lazy<JsonObject> Catalog = new(() =>
    {
        using var stream = typeof(V070Tools).Assembly.GetManifestResourceStream("v070-tools.json")
            ?? throw new InvalidOperationException("v070-tools.json is not embedded");
        return (JsonObject)JsonNode.Parse(stream)!;
    });

    private static readonly string[] KeptOptional = ["namespace", "format"];

    public static IReadOnlyDictionary<string, string[]> Families { get; } = LoadFamilies();

    /// <summary>(name, description, inputSchema) of every tool the profile loads, as tools/list shows them.</summary>
    public static IEnumerable<(string Name, string Description, JsonObject Schema)> Listed(McpProfile profile)
    {
        var verbose = Environment.GetEnvironmentVariable("AI_MEMORY_TOOLS_VERBOSE") is { } v
                      && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));
        foreach (var tool in Catalog.Value["tools"]!.AsArray().OfType<JsonObject>())
        {
            var name = (string)tool["name"]!;
            if (!profile.Loads(name)) continue;
            var schema = (JsonObject)tool["inputSchema"]!.DeepClone();
            if (!verbose && schema["properties"] is JsonObject props)
            {
                var required = (schema["required"] as JsonArray ?? []).Select(r => (string?)r).ToHashSet();
                foreach (var key in props.Select(p => p.Key).Where(k => !required.Contains(k) && !KeptOptional.Contains(k)).ToList())
                    props.Remove(key);
            }
            yield return (name, (string)tool["description"]!, schema);
        }
    }

    private static Dictionary<string, string[]> LoadFamilies() =>
        Catalog.Value["families"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.AsArray().Select(n => (string)n!).ToArray());
}
