using ShipGate.Contract;
using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.BadConfig;

/// <summary>
/// One bad configuration as a user would make it: exported variables (over the child's small profile, which they
/// beat as for any user), the phase run, and the setting its one-line message must name.
/// </summary>
public sealed record BadConfigCase(string Name, int Phase, string Setting, IReadOnlyDictionary<string, string?> Exported)
{
    /// <summary>A file that exists and is executable but is a shell script, not a Linux ELF executable.</summary>
    public static string ScriptPath { get; } = Path.Combine(Path.GetTempPath(), "shipgate-badconfig-not-ai-memory.sh");

    public static readonly IReadOnlyList<BadConfigCase> All =
    [
        new("unknown-image", 1, SettingNames.NodeImage, Env(SettingNames.NodeImage, "shipgate/no-such-image:0")),
        new("missing-executable", 1, SettingNames.NodeExecutable, Env(SettingNames.NodeExecutable, "/nonexistent/ai-memory")),
        new("script-executable", 1, SettingNames.NodeExecutable, Env(SettingNames.NodeExecutable, ScriptPath)),
        new("executable-not-ai-memory", 1, SettingNames.NodeExecutable, Env(SettingNames.NodeExecutable, "/bin/true")),
        // Only ever a socket path that cannot exist: never a network address. The engine wait is shortened (the
        // default waits a minute for a busy engine); the red must still name DOCKER_HOST.
        new("no-docker-engine", 1, "DOCKER_HOST", new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = $"unix:///nonexistent/shipgate-no-engine-{Environment.ProcessId}.sock",
            [SettingNames.EngineWaitSecs] = "5",
        }),
        // Debian's PostgreSQL without pgvector (the offline pgvector image's own base): ai-memory's migrate would fail on
        // CREATE EXTENSION vector, so Phase 3's preflight names the image and the missing extension first.
        new("postgres-without-pgvector", 3, SettingNames.PostgresImage, Env(SettingNames.PostgresImage, "shipgate/postgres:offline")),
        new("unknown-fault-class", 4, SettingNames.ChaosFaults, Env(SettingNames.ChaosFaults, "meteor_strike")),
        new("non-numeric-cycles", 4, SettingNames.ChaosCycles, Env(SettingNames.ChaosCycles, "ten")),
    ];

    public static BadConfigCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Writes the script case's file: executable, prints a version-like line, is no ELF.</summary>
    public static void WriteScript()
    {
        File.WriteAllText(ScriptPath, "#!/bin/sh\necho 'ai-memory 0.0.0-impostor'\n");
        if (OperatingSystem.IsWindows()) return; // the gate and its self-tests are Linux-only
        File.SetUnixFileMode(ScriptPath,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private static Dictionary<string, string?> Env(string name, string value) => new() { [name] = value };
}
