using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster with pgvector (the releases' migrate creates the `vector` extension) on a free
/// loopback port, built with initdb and pg_ctl in a temporary directory (run as the postgres user when the tests run
/// as root, since postgres refuses root). The binaries are the host's PostgreSQL copied by `containers/scripts/pgvector.sh
/// host`, which installs pgvector into the copy only; <see cref="PlainPostgresCluster"/> runs the system's own, without
/// it. There is no skip: without those binaries every test using the fixture fails with the command that installs them.
/// </summary>
public class PostgresCluster : IAsyncLifetime
{
    /// <summary>Where pgvector.sh host leaves the copies, one folder per server version and pgvector archive.</summary>
    private const string PgvectorHostRoot = "/var/cache/shipgate/pgvector-host";

    public const string User = "ai_memory";
    public const string Password = "ai_memory_test";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private string _bin = "";
    private string _root = "";
    private string[] _asUser = [];

    public int Port { get; private set; }

    private string DataDir => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException(Missing);
        _root = Path.Combine(Path.GetTempPath(), $"aimem-pg-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(_root);
        if (Environment.UserName == "root" && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, (UnixFileMode)0b111_111_111);
            _asUser = ["runuser", "-u", await UserExistsAsync("postgres") ? "postgres" : "nobody", "--"];
        }
        Port = FreePort();
        await RunAsync("initdb", "-D", DataDir, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync");
        await RunAsync("pg_ctl", "-D", DataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start");
    }

    /// <summary>A fresh, empty database and the postgres:// URL `migrate` takes for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var db = new NpgsqlConnection(ConnectionString("postgres"));
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", db);
        await cmd.ExecuteNonQueryAsync();
        return $"postgres://{User}:{Password}@127.0.0.1:{Port}/{name}";
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database};Pooling=false;Timeout=10";

    public async Task<long> ScalarAsync(string database, string sql) => Convert.ToInt64(await ValueAsync(database, sql));

    /// <summary>The first column of the first row, as Npgsql reads it (DBNull for SQL NULL).</summary>
    public async Task<object?> ValueAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection(ConnectionString(database));
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return await cmd.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        if (_root.Length == 0) return;
        try
        {
            if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
                await RunAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The bin folder of the server this fixture runs, or null when it is not installed.</summary>
    protected virtual string? FindBinaries() =>
        Directory.Exists(PgvectorHostRoot)
            ? Directory.GetDirectories(PgvectorHostRoot)
                .Select(copy => ServerBin(Path.Combine(copy, "usr", "lib", "postgresql")))
                .FirstOrDefault(bin => bin is not null && File.Exists(Path.Combine(bin, "..", "..", "..", "..", "share", "postgresql",
                    Path.GetFileName(Path.GetDirectoryName(bin))!, "extension", "vector.control")))
            : null;

    protected virtual string Missing =>
        $"no PostgreSQL with pgvector under {PgvectorHostRoot}: run `bash containers/scripts/pgvector.sh host` (./shipgate test does)";

    protected static string? ServerBin(string root) =>
        Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> UserExistsAsync(string user)
    {
        using var p = Process.Start(new ProcessStartInfo("id", ["-u", user]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        return p.ExitCode == 0;
    }

    private async Task RunAsync(string tool, params string[] args)
    {
        string[] command = [.. _asUser, Path.Combine(_bin, tool), .. args];
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(CommandTimeout);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {CommandTimeout}");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed (exit {p.ExitCode}): {await stdout}\n{await stderr}");
    }
}

/// <summary>The system's own PostgreSQL, without pgvector: the Postgres a release's migrate refuses.</summary>
public sealed class PlainPostgresCluster : PostgresCluster
{
    protected override string? FindBinaries() => ServerBin("/usr/lib/postgresql");

    protected override string Missing =>
        "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (initdb, pg_ctl). Install them with: apt-get install -y postgresql";
}
