using System.Net;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Federation at AI_MEMORY_REFERENCE_VERSION=0.7.0: what a push carries (src/federation/sync.rs:77-102), its one retry
/// (sync.rs:155-195), the receiver's attestation (src/handlers/federation_receive.rs:629-660), /sync/since's
/// default-deny (:1376-1414) and the catch-up pull's headers (src/federation/receive.rs:142-154). v0.6.0 sends and
/// checks none of it.
/// </summary>
public sealed class V070FederationTests
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(15);
    private static readonly Dictionary<string, string> V070 = new(V070ServeTests.V070);

    private static Dictionary<string, string> V070With(string name, string value) => new(V070) { [name] = value };

    private static string[] Federated(RecordingPeer peer, int timeoutMs = 2000) =>
        ["--quorum-writes", "2", "--quorum-peers", peer.Url, "--quorum-timeout-ms", timeoutMs.ToString(), "--catchup-interval-secs", "1"];

    [Fact]
    public async Task A_push_carries_the_key_the_peer_id_and_an_idempotency_key()
    {
        await using var peer = new RecordingPeer(200);
        await using var leader = await NodeProcess.StartAsync(Federated(peer), config: "api_key = \"k\"\n", env: V070);
        leader.Client.DefaultRequestHeaders.Add("X-API-Key", "k");
        var created = await leader.Client.CreateAsync("pushed-with-headers", "v070-fed");
        created.Code.Should().Be(201, created.Body);

        var push = peer.Requests.Single(r => r.Path == "/api/v1/sync/push");
        push.Header("x-api-key").Should().Be("k");
        push.Header("x-peer-id").Should().Be("host:" + Dns.GetHostName());
        push.Header("idempotency-key").Should().Be((string)created.Json["id"]!);
    }

    [Fact]
    public async Task A_v060_push_carries_none_of_them()
    {
        await using var peer = new RecordingPeer(200);
        await using var leader = await NodeProcess.StartAsync(Federated(peer), config: "api_key = \"k\"\n");
        leader.Client.DefaultRequestHeaders.Add("X-API-Key", "k");
        (await leader.Client.CreateAsync("pushed-bare", "v060-fed")).Code.Should().Be(201);

        var push = peer.Requests.Single(r => r.Path == "/api/v1/sync/push");
        push.Header("x-api-key").Should().BeNull("v0.6.0's fan-out sends no key: a keyed v0.6.0 peer answers it 401");
        push.Header("x-peer-id").Should().BeNull();
        push.Header("idempotency-key").Should().BeNull();
    }

    [Theory]
    [InlineData("0.7.0", 201, 2)]
    [InlineData("0.6.0", 503, 1)]
    public async Task A_failed_push_is_retried_once_after_250_ms_at_v070_only(string version, int status, int attempts)
    {
        await using var peer = new RecordingPeer(500, 200);
        var env = new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version };
        await using var leader = await NodeProcess.StartAsync(Federated(peer), env: env);
        (await leader.Client.CreateAsync("retried", "retry")).Code.Should().Be(status);

        var pushes = peer.Requests.Where(r => r.Path == "/api/v1/sync/push").ToList();
        pushes.Should().HaveCount(attempts);
        if (attempts == 2) (pushes[1].At - pushes[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));
    }

    [Fact]
    public async Task A_keyed_cluster_replicates_through_the_key_its_pushes_carry()
    {
        await using var cluster = await LocalCluster.StartAsync(config: "api_key = \"k\"\n", env: V070);
        foreach (var n in cluster.Nodes) n.Client.DefaultRequestHeaders.Add("X-API-Key", "k");
        var a = await cluster.Leader.Client.CreateAsync("keyed", "keyed-fed");

        a.Code.Should().Be(201, a.Body);
        ((int)a.Json["quorum_acks"]!).Should().Be(2);
        foreach (var node in cluster.Nodes)
            (await Poll.UntilAsync(() => node.Client.HoldsTitleAsync("keyed-fed", "keyed"), Converge)).Met.Should().BeTrue();
    }

    [Fact]
    public async Task The_catchup_pull_sends_the_peer_id_but_no_key()
    {
        await using var peer = new RecordingPeer(200);
        await using var leader = await NodeProcess.StartAsync(Federated(peer), config: "api_key = \"k\"\n", env: V070);
        var pulled = await Poll.UntilAsync(() => Task.FromResult(peer.Requests.Any(r => r.Path.StartsWith("/api/v1/sync/since"))), Converge);
        pulled.Met.Should().BeTrue("the first catch-up pass runs 5 s after start");

        var pull = peer.Requests.First(r => r.Path.StartsWith("/api/v1/sync/since"));
        pull.Header("x-peer-id").Should().Be("host:" + Dns.GetHostName());
        pull.Header("x-api-key").Should().BeNull("so a keyed v0.7.0 peer answers it 401 and the tick is skipped");
    }

    [Theory]
    [InlineData(null, "peer_id_header_missing")]
    [InlineData("host:someone-else", "sender_agent_id_mismatch")]
    public async Task A_push_whose_sender_the_peer_header_does_not_attest_is_403(string? peerHeader, string error)
    {
        await using var node = await NodeProcess.StartAsync(env: V070);
        var headers = peerHeader is null ? null : new Dictionary<string, string> { ["x-peer-id"] = peerHeader };
        var push = await node.Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer", [PushedRow.Of("attest", "refused")]), headers: headers);

        push.Code.Should().Be(403, push.Body);
        ((string)push.Json["error"]!).Should().Be(error);
        (await node.Client.CountAsync("attest")).Should().Be(0, "nothing of a refused push is applied");
    }

    [Theory]
    [InlineData("0.7.0", "x-peer-id", null)]
    [InlineData("0.7.0", null, "AI_MEMORY_FED_TRUST_BODY_AGENT_ID")]
    [InlineData("0.6.0", null, null)]
    public async Task An_attested_push_a_trusted_body_or_v060_is_applied(string version, string? header, string? trustVariable)
    {
        var env = new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version };
        if (trustVariable is not null) env[trustVariable] = "1";
        await using var node = await NodeProcess.StartAsync(env: env);
        var headers = header is null ? null : new Dictionary<string, string> { [header] = "host:peer" };
        var push = await node.Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer", [PushedRow.Of("attest-ok", "applied")]), headers: headers);

        push.Code.Should().Be(200, push.Body);
        ((int)push.Json["applied"]!).Should().Be(1);
    }

    [Fact]
    public async Task Sync_since_denies_a_peer_without_an_allowlist_and_trusts_one_with_the_opt_out()
    {
        await using var deny = await NodeProcess.StartAsync(env: V070);
        await SeedAsync(deny);
        var empty = await deny.Client.FetchAsync("/api/v1/sync/since", new Dictionary<string, string> { ["x-peer-id"] = "host:peer" });
        empty.Code.Should().Be(200);
        ((int)empty.Json["count"]!).Should().Be(0);
        ((string)empty.Json["scope_status"]!).Should().Be("no_allowlist_default_deny");

        await using var trust = await NodeProcess.StartAsync(env: V070With("AI_MEMORY_FED_SYNC_TRUST_PEER", "1"));
        await SeedAsync(trust);
        var all = await trust.Client.FetchAsync("/api/v1/sync/since");
        ((int)all.Json["count"]!).Should().Be(2);
        ((string)all.Json["scope_status"]!).Should().Be("legacy_bypass");
    }

    [Fact]
    public async Task Sync_since_scopes_a_peer_to_its_allowlisted_namespaces()
    {
        var scopes = """{"host:peer":{"allowed_namespaces":["scoped/**"]}}""";
        await using var node = await NodeProcess.StartAsync(env: V070With("AI_MEMORY_FED_PEER_ATTESTATION", scopes));
        await SeedAsync(node);
        var page = await node.Client.FetchAsync("/api/v1/sync/since", new Dictionary<string, string> { ["x-peer-id"] = "host:peer" });

        ((int)page.Json["count"]!).Should().Be(1);
        ((string)page.Json["memories"]![0]!["namespace"]!).Should().Be("scoped/in");
        ((int)page.Json["excluded_for_scope"]!).Should().Be(1);
        ((string)page.Json["scope_status"]!).Should().Be("scoped");
    }

    private static async Task SeedAsync(NodeProcess node)
    {
        (await node.Client.CreateAsync("in scope", "scoped/in")).Code.Should().Be(201);
        (await node.Client.CreateAsync("out of scope", "elsewhere")).Code.Should().Be(201);
    }
}
