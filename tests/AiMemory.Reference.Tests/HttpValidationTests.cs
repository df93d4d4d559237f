using System.Text;
using AiMemory.Reference.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AiMemory.Reference.Tests;

/// <summary>
/// Bad input gets the exact v0.6.0 status (contract §1.1, §1.5): handler 400s as JSON, framework rejections as plain
/// text. Nothing is stored by a rejected request, and the node keeps serving.
/// </summary>
public sealed class HttpValidationTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => fixture.Client;

    public static TheoryData<string, string, int> RejectedCreates => new()
    {
        { "malformed JSON", """{"title":"x",""", 400 },
        { "empty body", "", 400 },
        { "missing title", """{"content":"x"}""", 422 },
        { "missing content", """{"title":"x"}""", 422 },
        { "title not a string", """{"title":5,"content":"x"}""", 422 },
        { "tier MID", """{"title":"x","content":"x","tier":"MID"}""", 422 },
        { "tier forever", """{"title":"x","content":"x","tier":"forever"}""", 422 },
        { "priority non-integer", """{"title":"x","content":"x","priority":5.5}""", 422 },
        { "priority string", """{"title":"x","content":"x","priority":"5"}""", 422 },
        { "tags not strings", """{"title":"x","content":"x","tags":[1]}""", 422 },
        { "body is an array", """[{"title":"x","content":"x"}]""", 422 },
        { "priority out of range", """{"title":"x","content":"x","priority":11}""", 400 },
        { "confidence out of range", """{"title":"x","content":"x","confidence":1.5}""", 400 },
        { "blank title", """{"title":"  ","content":"x"}""", 400 },
        { "control char in title", "{\"title\":\"a\\u0007b\",\"content\":\"x\"}", 400 },
        { "carriage return in content", "{\"title\":\"crlf\",\"content\":\"line\\r\\nline\"}", 400 },
        { "source ship-gate", """{"title":"x","content":"x","source":"ship-gate"}""", 400 },
        { "metadata null", """{"title":"x","content":"x","metadata":null}""", 400 },
        { "metadata array", """{"title":"x","content":"x","metadata":[1]}""", 400 },
        { "bad namespace", """{"title":"x","content":"x","namespace":"a//b"}""", 400 },
        { "namespace with space", """{"title":"x","content":"x","namespace":"a b"}""", 400 },
        { "expires_at in the past", """{"title":"x","content":"x","expires_at":"2001-01-01T00:00:00+00:00"}""", 400 },
        { "ttl too long", """{"title":"x","content":"x","ttl_secs":31536001}""", 400 },
        { "invalid scope", """{"title":"x","content":"x","scope":"world"}""", 400 },
        { "invalid body agent_id", """{"title":"x","content":"x","agent_id":"has space"}""", 400 },
        { "too many tags", "{\"title\":\"x\",\"content\":\"x\",\"tags\":[" + string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"t{i}\"")) + "]}", 400 },
    };

    [Theory]
    [MemberData(nameof(RejectedCreates))]
    public async Task Rejected_create_gets_its_status_and_stores_nothing(string why, string body, int status)
    {
        var before = await TotalAsync();
        var a = await Client.PostJsonAsync("/api/v1/memories", body);

        a.Code.Should().Be(status, why);
        if (status == 400 && body.Length > 0 && body.TrimStart().StartsWith('{') && body.EndsWith('}'))
            a.Json["error"].Should().NotBeNull($"{why} is a handler 400 with a JSON error");
        else
            a.ContentType.Should().Be("text/plain", $"{why} is a framework rejection");
        (await TotalAsync()).Should().Be(before, why);
        (await fixture.Node.IsHealthyAsync()).Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Create_without_json_content_type_is_415(string? contentType)
    {
        var a = await Client.PostJsonAsync("/api/v1/memories", """{"title":"ct","content":"x"}""", contentType);
        a.Code.Should().Be(415);
        a.ContentType.Should().Be("text/plain");
    }

    [Fact]
    public async Task Json_content_type_with_charset_is_accepted()
    {
        var a = await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("charset", SingleNodeFixture.Namespace("ct")),
            "application/json; charset=utf-8");
        a.Code.Should().Be(201);
    }

    [Fact]
    public async Task Body_over_2_MiB_is_413()
    {
        var before = await TotalAsync();
        var huge = "{\"title\":\"huge\",\"content\":\"" + new string('a', 2 * 1024 * 1024 + 10) + "\"}";
        var a = await Client.PostJsonAsync("/api/v1/memories", huge);
        a.Code.Should().Be(413);
        (await TotalAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Content_over_64_KiB_is_400()
    {
        var a = await Client.PostJsonAsync("/api/v1/memories", "{\"title\":\"big\",\"content\":\"" + new string('a', 65_537) + "\"}");
        a.Code.Should().Be(400);
    }

    [Theory]
    [InlineData("/api/v1/memories?limit=abc")]
    [InlineData("/api/v1/memories?tier=bogus")]
    [InlineData("/api/v1/memories?offset=-1")]
    [InlineData("/api/v1/recall?context=x&limit=ten")]
    [InlineData("/api/v1/search?q=x&tier=MID")]
    [InlineData("/api/v1/sync/since?limit=abc")]
    public async Task Bad_query_string_is_a_plain_text_400(string path)
    {
        var a = await Client.FetchAsync(path);
        a.Code.Should().Be(400);
        a.ContentType.Should().Be("text/plain");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task Invalid_agent_id_header_is_400_unless_the_body_names_one(string header)
    {
        var ns = SingleNodeFixture.Namespace("agent");
        var headers = new Dictionary<string, string> { ["X-Agent-Id"] = header };
        var rejected = await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("a1", ns), headers: headers);
        rejected.Code.Should().Be(400);
        rejected.Json["error"].Should().NotBeNull();

        var accepted = await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("a2", ns, extra: "\"agent_id\":\"ai:body\""), headers: headers);
        accepted.Code.Should().Be(201, "a body agent_id makes the header irrelevant");
        (await Client.CountAsync(ns)).Should().Be(1);
    }

    [Fact]
    public async Task Recall_without_context_is_400_json_on_get_and_422_on_post()
    {
        (await Client.FetchAsync("/api/v1/recall")).Code.Should().Be(400);
        (await Client.FetchAsync("/api/v1/recall?context=%20%20")).Json["error"].Should().NotBeNull();
        (await Client.PostJsonAsync("/api/v1/recall", """{"limit":3}""")).Code.Should().Be(422);
        (await Client.PostJsonAsync("/api/v1/recall", """{"context":" "}""")).Code.Should().Be(400);
    }

    [Fact]
    public async Task Sync_push_of_1001_memories_is_400_json_and_bad_sender_is_400()
    {
        var before = await TotalAsync();
        var row = """{"id":"ID","tier":"mid","namespace":"sync-big","title":"ID","content":"x","created_at":"2026-01-01"""
            + """T00:00:00+00:00","updated_at":"2026-01-01T00:00:00+00:00"}""";
        var rows = string.Join(",", Enumerable.Range(0, 1001).Select(_ => row.Replace("ID", Guid.NewGuid().ToString())));
        var a = await Client.PostJsonAsync("/api/v1/sync/push", $$"""{"sender_agent_id":"host:x","memories":[{{rows}}]}""");
        a.Code.Should().Be(400);
        a.Json["error"].Should().NotBeNull();
        (await Client.PostJsonAsync("/api/v1/sync/push", """{"sender_agent_id":"bad sender","memories":[]}""")).Code.Should().Be(400);
        (await Client.PostJsonAsync("/api/v1/sync/push", """{"memories":[]}""")).Code.Should().Be(422);
        (await Client.PostJsonAsync("/api/v1/sync/push", """{"sender_agent_id":"host:x","memories":[{"id":1}]}""")).Code.Should().Be(422);
        (await TotalAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Invalid_ids_and_ambiguous_prefixes_are_400_json()
    {
        (await Client.FetchAsync("/api/v1/memories/" + new string('a', 129))).Code.Should().Be(400);
        var ns = SingleNodeFixture.Namespace("prefix");
        for (var i = 0; i < 40; i++) await Client.CreateAsync($"p{i}", ns);
        // 40 random UUIDs share some first hex digit, so that one-character prefix is ambiguous.
        var ids = (await Client.FetchAsync($"/api/v1/memories?namespace={ns}&limit=50")).Json["memories"]!.AsArray().Select(m => (string)m!["id"]!);
        var shared = ids.GroupBy(id => id[0]).First(g => g.Count() > 1).Key;
        var a = await Client.FetchAsync($"/api/v1/memories/{shared}");
        a.Code.Should().Be(400);
        a.Json["error"].Should().NotBeNull();
    }

    [Fact]
    public async Task Garbage_bytes_and_unicode_do_not_crash_the_node()
    {
        var garbage = Encoding.Latin1.GetString(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        (await Client.PostJsonAsync("/api/v1/memories", garbage)).Code.Should().Be(400);
        var emoji = await Client.PostJsonAsync("/api/v1/memories", NodeApi.Memory("emoji 🚀 ünïcødé", SingleNodeFixture.Namespace("utf"), "content ✓"));
        emoji.Code.Should().Be(201);
        var deep = new string('[', 5000) + new string(']', 5000);
        (await Client.PostJsonAsync("/api/v1/memories", deep)).Code.Should().BeOneOf(400, 422);
        (await fixture.Node.IsHealthyAsync()).Should().BeTrue();
    }

    private async Task<long> TotalAsync() => (long)(await Client.FetchAsync("/api/v1/stats")).Json["total"]!;
}
