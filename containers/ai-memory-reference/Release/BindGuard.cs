using AiMemory.Reference.Cli;

namespace AiMemory.Reference.Release;

/// <summary>
/// v0.7.0's refusal to serve a routable address without an API key (src/daemon_runtime.rs:2089-2105, in
/// bootstrap_serve before the database opens): unless config.toml sets `api_key`, any --host but the five loopback
/// spellings it compares as strings ends serve with this message (exit 1, "Error: …" as main's anyhow Result prints it).
/// Its advice names `[api] api_key` and `--api-key`, neither of which exists at v0.7.0 (the key is the top-level
/// `api_key`, src/config.rs:2283; ServeArgs has no --api-key, src/daemon_runtime.rs:529-620): quoted as released.
/// v0.6.0 has no guard.
/// </summary>
public static class BindGuard
{
    private static readonly string[] Loopback = ["127.0.0.1", "::1", "localhost", "0:0:0:0:0:0:0:1", "[::1]"];

    public static void Check(string host)
    {
        if (!ReleaseVersion.IsV070 || ConfigFile.ApiKey is not null || Loopback.Contains(host)) return;
        throw new CommandFailedException(Message(host));
    }

    /// <summary>The release's text; {host:?} is Rust's Debug form of a string, quoted.</summary>
    public static string Message(string host) =>
        $"refusing to bind to non-loopback address \"{host}\" without an API key: the daemon's api_key is unset " +
        "(default-off auth would expose every privileged endpoint to any caller that can reach the bind address). " +
        "Either set [api] api_key in config (or --api-key on the CLI) and rebind, or rebind to 127.0.0.1 / ::1 / " +
        "localhost for a single-tenant deployment. (v0.7.0 fix campaign S5-C1, 2026-05-13)";
}
