using AiMemory.Reference.Cli;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Storage;
using Npgsql;

namespace AiMemory.Reference.Migration;

/// <summary>
/// The store URLs `migrate` accepts (contract §3.7): sqlite:///abs, sqlite://./rel, sqlite://rel,
/// postgres://user:pass@host:port/db and postgresql://…; anything else is "unrecognised store URL" (exit 1).
/// </summary>
public static class StoreUrl
{
    /// <summary>Fails on an unknown scheme before anything is opened (opening a SQLite path creates the file).</summary>
    public static void Check(string url)
    {
        if (!IsSqlite(url) && !IsPostgres(url)) throw new CommandFailedException($"unrecognised store URL: {url}");
        if (IsPostgres(url)) ConnectionString(url);
    }

    /// <summary>Opens one side of a migration; a Postgres that refuses fails as the release's cmd_migrate does:
    /// "open source|destination store: connect postgres adapter: backend unavailable: …" (v0.6.0 src/main.rs:4237-4242,
    /// src/migrate.rs:87-92), exit 1.</summary>
    public static IMigrationEndpoint Open(string url, bool asDestination, FaultSwitches faults)
    {
        if (IsSqlite(url))
            return new SqliteEndpoint(url["sqlite://".Length..]);
        if (!IsPostgres(url)) throw new CommandFailedException($"unrecognised store URL: {url}");
        try
        {
            // migrate_rerun_duplicates: a destination built without its unique key, written with plain INSERTs.
            return PostgresMemoryStore.Open(ConnectionString(url),
                withUniqueKey: !(asDestination && faults.IsOn(FaultSwitches.MigrateRerunDuplicates)));
        }
        catch (PostgresMemoryStore.StoreUnavailableException e)
        {
            throw new CommandFailedException($"open {(asDestination ? "destination" : "source")} store: connect postgres adapter: {e.Message}");
        }
    }

    /// <summary>The file a sqlite:// URL names, or null for any other store.</summary>
    public static string? SqlitePathOrNull(string url) => IsSqlite(url) ? url["sqlite://".Length..] : null;

    private static bool IsSqlite(string url) => url.StartsWith("sqlite://", StringComparison.Ordinal) && url.Length > "sqlite://".Length;

    public static bool IsPostgres(string url) =>
        url.StartsWith("postgres://", StringComparison.Ordinal) || url.StartsWith("postgresql://", StringComparison.Ordinal);

    public static string ConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new CommandFailedException($"unrecognised store URL: {url}");
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Username = Uri.UnescapeDataString(user[0]),
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Timeout = 10,
            CommandTimeout = 60,
            Pooling = false,
        };
        if (user.Length > 1) builder.Password = Uri.UnescapeDataString(user[1]);
        return builder.ConnectionString;
    }
}
