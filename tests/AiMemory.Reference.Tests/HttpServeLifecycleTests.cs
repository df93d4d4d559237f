using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>`serve` start-up and shutdown (contract §1.1): SIGINT drains and exits 0, SIGTERM just ends the process.</summary>
public sealed class HttpServeLifecycleTests
{
    // sigintIgnored: started the way a shell starts a background job (nohup, CI), with SIGINT inherited as
    // ignored; .NET would keep ignoring it, and CI saw the node never exit.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sigint_exits_zero_and_leaves_a_self_contained_database(bool sigintIgnored)
    {
        await using var node = await NodeProcess.StartAsync(sigintIgnored: sigintIgnored);
        (await node.Client.CreateAsync("kept", "life")).Code.Should().Be(201);

        node.Signal("INT");
        (await node.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().Be(0, "SIGINT drains an idle node and exits 0");

        // The checkpoint on shutdown folds the WAL into the main file.
        using var db = new SqliteConnection($"Data Source={node.DbPath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM memories WHERE title = 'kept'";
        Convert.ToInt64(cmd.ExecuteScalar()).Should().Be(1);
    }

    [Fact]
    public async Task Sigterm_ends_the_process_and_acknowledged_writes_survive_a_restart()
    {
        await using var node = await NodeProcess.StartAsync();
        (await node.Client.CreateAsync("durable", "life")).Code.Should().Be(201);

        node.Signal("TERM");
        (await node.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull("SIGTERM is not intercepted");
        await node.RestartAsync();
        (await node.Client.HoldsTitleAsync("life", "durable")).Should().BeTrue();
    }

    [Fact]
    public async Task Unknown_serve_flag_is_a_usage_error()
    {
        var dir = Directory.CreateTempSubdirectory("ai-memory-usage-").FullName;
        var psi = new System.Diagnostics.ProcessStartInfo(PublishedNode.Path, ["serve", "--bogus"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        psi.Environment["AI_MEMORY_NO_CONFIG"] = "1";
        psi.Environment["HOME"] = dir;
        psi.Environment["AI_MEMORY_DB"] = Path.Combine(dir, "unused.db");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(15_000).Should().BeTrue();
        p.ExitCode.Should().Be(2);
        (await stderr).Should().Contain("--bogus");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Head_is_answered_on_get_routes()
    {
        await using var node = await NodeProcess.StartAsync();
        var head = await node.Client.CallAsync(HttpMethod.Head, "/api/v1/health", null, null, null);
        head.Code.Should().Be(200);
        head.Body.Should().BeEmpty();
    }
}
