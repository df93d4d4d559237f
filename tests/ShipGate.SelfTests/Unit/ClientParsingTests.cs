using System.Net;
using System.Text;
using FluentAssertions;
using ShipGate.Fixtures.Client;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class ClientParsingTests
{
    [Fact]
    public async Task ListingReadsEveryPageEvenWhenTheNodeCapsPagesAt20()
    {
        var node = new PagedNode(rows: 47, cap: 20);
        using var http = new NodeHttp(new Uri("http://node-a:9077"), node);

        var listing = await http.ListTitlesAsync("ship-gate-phase2", default);

        listing.Titles.Should().HaveCount(47);
        listing.Rows.Should().Be(47);
        node.Offsets.Should().Equal(0, 20, 40, 47); // offset advances by rows received, ends on an empty page
    }

    [Fact]
    public void McpToolsAreReadFromTheToolsListResponseAmongOtherLines()
    {
        var stdout = """
            {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2024-11-05","serverInfo":{"name":"ai-memory","version":"0.6.0"}}}
            not json at all
            {"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"memory_store"},{"name":"memory_recall"}]}}
            """;

        var tools = McpProbe.Parse(new CommandResult(0, stdout, ""));

        tools.Should().Be(tools with { ServerVersion = "0.6.0" });
        tools.Tools.Should().Equal("memory_store", "memory_recall");
    }

    [Fact]
    public void AnMcpAnswerWithoutToolsListIsAnError() =>
        FluentActions.Invoking(() => McpProbe.Parse(new CommandResult(0, """{"jsonrpc":"2.0","id":1,"result":{}}""", "boom")))
            .Should().Throw<CliException>().WithMessage("*tools/list*");

    [Fact]
    public void PrettyMultiLineCuratorJsonParses()
    {
        var stdout = """
            {
              "memories_scanned": 1,
              "memories_eligible": 1,
              "errors": [
                "no LLM client configured"
              ],
              "dry_run": true
            }
            """;

        var report = ContractJson.TryParse<CuratorReport>(stdout, out var error);

        error.Should().BeNull();
        report!.Errors.Should().Equal("no LLM client configured");
        report.MemoriesScanned.Should().Be(1);
    }

    /// <summary>A node that serves <c>rows</c> memories but never more than <c>cap</c> per page.</summary>
    private sealed class PagedNode(int rows, int cap) : HttpMessageHandler
    {
        public List<int> Offsets { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var offset = int.Parse(query["offset"] ?? "0");
            var limit = Math.Min(int.Parse(query["limit"] ?? "20"), cap);
            Offsets.Add(offset);
            var page = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, rows - offset)))
                .Select(i => $$"""{"id":"{{i}}","title":"t{{i:D3}}","namespace":"ship-gate-phase2"}""");
            var body = $$"""{"memories":[{{string.Join(",", page)}}],"count":{{Math.Max(0, Math.Min(limit, rows - offset))}}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
