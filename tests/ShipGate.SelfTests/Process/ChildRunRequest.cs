using System.Xml.Linq;
using ShipGate.Contract;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>
/// One child gate run: which phases, the profile values (written into its own profile file, chosen with
/// SHIPGATE_PROFILE) and the exported variables (the system under test and any bad value, as a user would export
/// them; they beat the profile, as for any user).
/// </summary>
/// <param name="Name">File-name-safe name of the run, e.g. "leak-p2-interrupted".</param>
/// <param name="Phases">The phases the child runs (its --filter).</param>
/// <param name="Profile">Values for the child's profile file (profile layer, below the environment).</param>
/// <param name="Exported">Variables exported to the child; null removes an inherited one.</param>
/// <param name="ResultsLogger">Whether the child runs the gate's results logger (runs/&lt;campaign&gt;/ in its directory).</param>
/// <param name="ThroughShipgate">
/// Whether the child is `./shipgate gate` (the release engineer's command: its exit code and closing line, the
/// results logger always on) rather than a bare `dotnet test`; all four phases run unfiltered.
/// </param>
public sealed record ChildRunRequest(
    string Name,
    IReadOnlyList<int> Phases,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, string?> Exported,
    bool ResultsLogger = false,
    bool ThroughShipgate = false)
{
    /// <summary>Where ./shipgate writes its TRX files (its SHIPGATE_TEST_RESULTS_DIR), set to the child's directory.</summary>
    public const string TestResultsVariable = "SHIPGATE_TEST_RESULTS_DIR";

    /// <summary>The command line of the child, run in the repository root with <paramref name="directory"/> its own.</summary>
    public IReadOnlyList<string> Command(string directory) => ThroughShipgate
        ? ["bash", "./shipgate", "gate", "--no-build", .. Phases.Count == 4 ? Array.Empty<string>() : ["--filter", Filter]]
        : ["dotnet", "test", "tests/ShipGate.Tests", "--no-build", "--nologo", "--settings", WriteRunSettings(directory), "--filter", Filter,
            "--logger", $"trx;LogFileName={TrxPath(directory)}", "--results-directory", directory];

    /// <summary>The child's TRX: ./shipgate names it gate.trx in its results folder.</summary>
    public string TrxPath(string directory) => Path.Combine(directory, ThroughShipgate ? "gate.trx" : "run.trx");

    /// <summary>A small shape for every phase, so a self-test child never runs a release-sized campaign.</summary>
    public static readonly IReadOnlyDictionary<string, string> SmallProfile = new Dictionary<string, string>
    {
        [SettingNames.P2Agents] = "2",
        [SettingNames.P2WritesPerAgent] = "10",
        [SettingNames.ConvergeDeadlineSecs] = "30",
        [SettingNames.SoakSecs] = "3",
        [SettingNames.SoakOpsPerSec] = "160", // over 100 answers per node: one stall of the host is not a p99
        [SettingNames.P3Rows] = "50",
        [SettingNames.ChaosCycles] = "3",
        [SettingNames.ChaosWrites] = "20",
        [SettingNames.ChaosFaults] = "kill_primary_mid_write",
    };

    public static ChildRunRequest Gate(string name, int phase, IReadOnlyDictionary<string, string?>? exported = null, IReadOnlyDictionary<string,
        string>? profile = null) =>
        new(name, [phase], profile ?? SmallProfile, exported ?? new Dictionary<string, string?>());

    /// <summary>The child's test filter: its phases' facts.</summary>
    public string Filter => string.Join("|", Phases.Select(p => $"Phase={p}"));

    /// <summary>This request with profile values replaced or, for null, removed.</summary>
    public ChildRunRequest WithProfile(params (string Name, string? Value)[] changes)
    {
        var profile = Profile.ToDictionary();
        foreach (var (name, value) in changes)
        {
            if (value is null) profile.Remove(name);
            else profile[name] = value;
        }

        return this with { Profile = profile };
    }

    /// <summary>
    /// Turns an inherited environment into the child's: without any SHIPGATE_ setting or fault switch (a
    /// self-test decides those) or MSBuild's variables of an enclosing dotnet test, then the exported values.
    /// </summary>
    public void ApplyEnvironment(IDictionary<string, string?> inherited, string resultsDir, string profilePath)
    {
        foreach (var key in inherited.Keys.ToList())
        {
            if (key.StartsWith("SHIPGATE_", StringComparison.Ordinal) || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || key == "AI_MEMORY_REFERENCE_FAULTS")
                inherited.Remove(key);
        }

        inherited[SettingNames.ResultsDir] = resultsDir;
        inherited[TestResultsVariable] = Path.GetDirectoryName(resultsDir);
        inherited[SettingNames.Profile] = profilePath;
        foreach (var (key, value) in Exported)
        {
            if (value is null) inherited.Remove(key);
            else inherited[key] = value;
        }
    }

    /// <summary>Writes the child's runsettings: live xUnit diagnostics, the results logger if asked (no gate setting: those are the profile's).</summary>
    public string WriteRunSettings(string directory)
    {
        var path = Path.Combine(directory, $"{Name}.runsettings");
        var logger = ResultsLogger
            ? new XElement("LoggerRunSettings",
                new XElement("Loggers", new XElement("Logger", new XAttribute("friendlyName", "shipgate"), new XAttribute("enabled", "true"))))
            : null;
        new XDocument(new XElement("RunSettings", new XElement("xUnit", new XElement("DiagnosticMessages", "true")), logger)).Save(path);
        return path;
    }

    /// <summary>Writes the child's profile file (a JSON object of settings) and returns its path.</summary>
    public string WriteProfile(string directory)
    {
        var path = Path.Combine(directory, $"{Name}.profile.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(Profile));
        return path;
    }
}
