using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// `api_key` in config.toml (contract §1.1): every route but health needs it, as X-API-Key or ?api_key=. The same at
/// v0.7.0 (src/handlers/transport.rs:1577-1640), whose sync routes skip the key only behind an mTLS allowlist.
/// </summary>
public abstract class ApiKeyTests(string? version) : IAsyncLifetime
{
    private const string Key = "s3cret-key";
    private NodeProcess? _node;

    private HttpClient Client => _node!.Client;

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(config: $"api_key = \"{Key}\"\n",
        env: version is null ? null : new Dictionary<string, string> { ["AI_MEMORY_REFERENCE_VERSION"] = version });

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    private static Dictionary<string, string> WithKey(string key) => new() { ["X-API-Key"] = key };

    [Fact]
    public async Task Health_is_exempt()
    {
        (await Client.FetchAsync("/api/v1/health")).Code.Should().Be(200);
    }

    [Theory]
    [InlineData("/api/v1/stats")]
    [InlineData("/api/v1/memories")]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/api/v1/archive")]
    [InlineData("/api/v1/sync/since")]
    [InlineData("/metrics")]
    [InlineData("/api/v1/metrics")]
    public async Task A_missing_or_wrong_key_is_401_and_the_right_one_passes(string path)
    {
        foreach (var answer in new[] { await Client.FetchAsync(path), await Client.FetchAsync(path, WithKey("wrong")) })
        {
            answer.Code.Should().Be(401, path);
            answer.Json.ToJsonString().Should().Be("""{"error":"missing or invalid API key"}""");
        }
        (await Client.FetchAsync(path, WithKey(Key))).Code.Should().Be(200, "header X-API-Key");
        var separator = path.Contains('?') ? '&' : '?';
        (await Client.FetchAsync($"{path}{separator}api_key={Key}")).Code.Should().Be(200, "query api_key");
    }

    [Fact]
    public async Task A_write_without_the_key_is_refused_and_stores_nothing()
    {
        var ns = SingleNodeFixture.Namespace("key");
        (await Client.CreateAsync("locked out", ns)).Code.Should().Be(401);
        (await Client.PostJsonAsync("/api/v1/sync/push", PushedRow.Push("host:peer", [PushedRow.Of(ns, "pushed")]))).Code.Should().Be(401);
        var list = await Client.FetchAsync($"/api/v1/memories?namespace={ns}", WithKey(Key));
        ((int)list.Json["count"]!).Should().Be(0);

        (await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("let in", ns), headers: WithKey(Key))).Code.Should().Be(201);
    }
}

public sealed class ApiKeyV060Tests() : ApiKeyTests(null);

public sealed class ApiKeyV070Tests() : ApiKeyTests("0.7.0");
