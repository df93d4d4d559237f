using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// The switches that give a gate criterion its known-bad node (liveness, soak, burst statuses, strays, the per-node
/// version, preflight): each changes exactly what it names, with the honest node in the same scenario as the control.
/// </summary>
public sealed class CriterionSwitchTests
{
    private static Dictionary<string, string> Fault(string? name) => new() { ["AI_MEMORY_REFERENCE_FAULTS"] = name ?? "" };

    private static Dictionary<string, string> Agent(string id) => new() { ["X-Agent-Id"] = id };

    [Theory]
    [InlineData(null, false)]
    [InlineData("http_recall_slow_2s", true)]
    public async Task Http_recall_slow_2s_delays_only_http_recall_and_keeps_its_answer(string? faults, bool slow)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("findable", "slow", "needle in the store"))).Code.Should().Be(201);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var recall = await node.Client.FetchAsync("/api/v1/recall?context=needle");
        var recallTook = clock.Elapsed;
        clock.Restart();
        var search = await node.Client.FetchAsync("/api/v1/search?q=needle");
        var searchTook = clock.Elapsed;

        recall.Code.Should().Be(200);
        ((int)recall.Json["count"]!).Should().Be(1, "the answer is right, only late");
        ((int)search.Json["count"]!).Should().Be(1);
        if (slow) recallTook.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        else recallTook.Should().BeLessThan(TimeSpan.FromSeconds(2));
        searchTook.Should().BeLessThan(TimeSpan.FromSeconds(2), "search is untouched");
    }

    [Theory]
    [InlineData(null, "backup")]
    [InlineData("serve_unhealthy_after_maintenance", "backup")]
    [InlineData(null, "migrate")]
    [InlineData("serve_unhealthy_after_maintenance", "migrate")]
    public async Task Serve_unhealthy_after_maintenance_fails_health_once_backup_or_migrate_touched_its_database(string? faults, string command)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        (await node.Client.CreateAsync("kept", "maint")).Code.Should().Be(201);
        (await node.IsHealthyAsync()).Should().BeTrue();

        using var dir = new ScratchDir("f-maint");
        string[] args = command == "backup"
            ? ["--db", node.DbPath, "backup", "--to", Path.Combine(dir.Path, "backups"), "--keep", "1"]
            : ["--db", node.DbPath, "migrate", "--from", $"sqlite://{node.DbPath}", "--to", $"sqlite://{Path.Combine(dir.Path, "copy.db")}"];
        var ran = await CliRunner.RunAsync(dir, args, Fault(faults));
        ran.ExitCode.Should().Be(0, ran.ToString());

        (await node.IsHealthyAsync()).Should().Be(faults is null, "only the switch turns a maintained database's daemon unhealthy");
        node.Pid.Should().NotBeNull("the daemon keeps running: it only stops answering health");
        (await node.Client.FetchAsync("/api/v1/memories?namespace=maint")).Code.Should().Be(200, "it still serves reads");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("leak_8mib_per_create", true)]
    public async Task Leak_8mib_per_create_keeps_resident_memory_for_every_create(string? faults, bool leaks)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        (await node.Client.CreateAsync("warm-up", "leak")).Code.Should().Be(201);
        var before = ResidentKib(node.Pid!.Value);
        for (var i = 0; i < 10; i++) (await node.Client.CreateAsync($"leak-{i}", "leak")).Code.Should().Be(201);
        var grownMib = (ResidentKib(node.Pid!.Value) - before) / 1024.0;

        if (leaks) grownMib.Should().BeGreaterThanOrEqualTo(75, "ten creates keep 80 MiB resident");
        else grownMib.Should().BeLessThan(30);
        (await node.Client.CountAsync("leak")).Should().Be(11, "every create is stored as usual");
    }

    private static long ResidentKib(int pid) =>
        long.Parse(File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    [Theory]
    [InlineData(null, "ai-memory 0.6.0")]
    [InlineData("version_bare_number", "0.6.0")]
    public async Task Version_bare_number_drops_the_program_name_from_version(string? faults, string printed)
    {
        using var dir = new ScratchDir("f-ver");
        var version = await CliRunner.RunAsync(dir, ["--version"], Fault(faults));
        version.ExitCode.Should().Be(0);
        version.Stdout.Trim().Should().Be(printed);
    }

    [Theory]
    [InlineData(null, 12)]
    [InlineData("agent_rate_limit_10", 10)]
    public async Task Agent_rate_limit_10_refuses_an_agents_creates_past_ten_with_429(string? faults, int accepted)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults);
        var codes = new List<int>();
        for (var i = 0; i < 12; i++)
            codes.Add((await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory($"limited-{i}", "rate"), headers: Agent("ai:agent-busy"))).Code);

        codes.Should().Equal(Enumerable.Repeat(201, accepted).Concat(Enumerable.Repeat(429, 12 - accepted)));
        (await node.Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("other", "rate"), headers: Agent("ai:agent-calm")))
            .Code.Should().Be(201, "the limit is per agent");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("create_adds_copy", 2)]
    public async Task Create_adds_copy_stores_and_fans_out_a_suffixed_copy_before_the_201(string? faults, int rows)
    {
        await using var peer = await NodeProcess.StartAsync();
        await using var leader = await NodeProcess.StartAsync(["--quorum-writes", "2", "--quorum-peers", peer.Url, "--catchup-interval-secs", "0"], faults);
        (await leader.Client.CreateAsync("original", "copy")).Code.Should().Be(201);

        (await leader.Client.CountAsync("copy")).Should().Be(rows);
        (await peer.Client.CountAsync("copy")).Should().Be(rows, "the copy is fanned out before the 201");
        (await leader.Client.HoldsTitleAsync("copy", "original (copy)")).Should().Be(rows == 2);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("health_never_ok", false)]
    public async Task Health_never_ok_answers_503_while_everything_else_serves(string? faults, bool healthy)
    {
        await using var node = await NodeProcess.StartAsync(faults: faults, waitHealthy: false);
        (await Poll.UntilAsync(async () => await Listens(node), TimeSpan.FromSeconds(20))).Met.Should().BeTrue("serve listens either way");
        (await node.Client.CreateAsync("served", "sick")).Code.Should().Be(201);
        var health = await node.Client.FetchAsync("/api/v1/health");
        health.Code.Should().Be(healthy ? 200 : 503);
        ((string)health.Json["status"]!).Should().Be(healthy ? "ok" : "error");
        (await node.Client.CountAsync("sick")).Should().Be(1);
    }

    private static async Task<bool> Listens(NodeProcess node)
    {
        try
        {
            return (await node.Client.FetchAsync("/api/v1/stats")).Code == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
