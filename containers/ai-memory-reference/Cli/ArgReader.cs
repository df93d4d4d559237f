using System.Globalization;

namespace AiMemory.Reference.Cli;

/// <summary>
/// A tiny clap-like reader for one subcommand's arguments. Options are declared as "-t,--tier" (value) or
/// "--dry-run" (switch); anything undeclared, a missing value or an unparsable number is a usage error (exit 2).
/// </summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private ArgReader() { }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <param name="options">value-taking options, e.g. "-t,--tier"</param>
    /// <param name="switches">boolean options, e.g. "--dry-run"</param>
    /// <param name="maxPositionals">how many bare arguments the command takes</param>
    public static ArgReader Parse(IReadOnlyList<string> args, string[] options, string[] switches, int maxPositionals = 0)
    {
        var valueNames = Aliases(options);
        var switchNames = Aliases(switches);
        var reader = new ArgReader();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                reader._positionals.AddRange(args.Skip(i + 1));
                break;
            }
            string? inline = null;
            var name = arg;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 2)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            if (valueNames.TryGetValue(name, out var key))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"a value is required for '{name}' but none was supplied"));
                reader.Add(key, value);
            }
            else if (switchNames.TryGetValue(name, out var flag) && inline is null)
            {
                reader._switches.Add(flag);
            }
            else if (arg.Length > 1 && arg[0] == '-' && !IsNumber(arg))
            {
                throw new UsageException($"unexpected argument '{arg}' found");
            }
            else
            {
                reader._positionals.Add(arg);
            }
        }
        if (reader._positionals.Count > maxPositionals)
            throw new UsageException($"unexpected argument '{reader._positionals[maxPositionals]}' found");
        return reader;
    }

    public bool Flag(string name) => _switches.Contains(name);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The last occurrence wins, as with clap.</summary>
    public string? String(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public string Required(string name) =>
        String(name) ?? throw new UsageException($"the following required arguments were not provided: --{name}");

    public long? Long(string name) => String(name) is { } s
        ? long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new UsageException($"invalid value '{s}' for '--{name}': invalid digit found in string")
        : null;

    public int? Int(string name) => Long(name) is { } v
        ? v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new UsageException($"invalid value '{v}' for '--{name}': number too large")
        : null;

    public double? Double(string name) => String(name) is { } s
        ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new UsageException($"invalid value '{s}' for '--{name}': invalid float literal")
        : null;

    public string? Positional(int index) => index < _positionals.Count ? _positionals[index] : null;

    private void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
        list.Add(value);
    }

    // "-t,--tier" → {"-t": "tier", "--tier": "tier"}; the long name without dashes is the key.
    private static Dictionary<string, string> Aliases(string[] specs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var names = spec.Split(',');
            var key = names.First(n => n.StartsWith("--", StringComparison.Ordinal))[2..];
            foreach (var n in names) map[n] = key;
        }
        return map;
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
