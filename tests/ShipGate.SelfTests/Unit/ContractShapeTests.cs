using FluentAssertions;
using ShipGate.Fixtures.Client.Shapes;

namespace ShipGate.SelfTests.Unit;

[Trait("Category", "Unit")]
public sealed class ContractShapeTests
{
    private const string Memory = """{"id":"4f1c","tier":"mid","namespace":"ns","title":"t","content":"c","tags":"""
        + """[],"priority":5,"confidence":1.0,"source":"cli","access_count":"""
        + """0,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","metadata":{}}""";

    private const string Stats =
        """{"total":1,"by_tier":[{"tier":"mid","count":1}],"by_namespace":"""
        + """[{"namespace":"ns","count":1}],"expiring_soon":0,"links_count":0,"db_size_bytes":139264}""";

    [Fact]
    public void TheContractsOwnSamplesHaveNoViolations()
    {
        ShapeCheck.Check(Stats, ContractShapes.Cli.Stats).Should().BeEmpty();
        ShapeCheck.Check(Memory, ContractShapes.Cli.Store).Should().BeEmpty();
        ShapeCheck.Check($$"""{"memories":[{{Memory[..^1]}},"score":3.25}],"count":1,"mode":"keyword","tokens_used":2}""", ContractShapes.Cli.Recall)
            .Should().BeEmpty();
        ShapeCheck.Check("""{"error":"quorum_not_met","got":1,"needed":2,"reason":"timeout"}""", ContractShapes.Http.QuorumNotMet).Should().BeEmpty();
    }

    [Fact]
    public void AStringWhereTheContractHasAnIntegerIsNamedWithItsPathAndValue()
    {
        var violations = ShapeCheck.Check(Stats.Replace("\"total\":1", "\"total\":\"1\""), ContractShapes.Cli.Stats);

        violations.Should().ContainSingle().Which.Should().Be(new ShapeViolation("$.total", "integer", "string \"1\""));
    }

    [Fact]
    public void AFractionIsNotAnInteger() =>
        ShapeCheck.Check(Stats.Replace("\"total\":1", "\"total\":1.0"), ContractShapes.Cli.Stats)
            .Should().ContainSingle().Which.Path.Should().Be("$.total");

    [Fact]
    public void AMissingFieldInsideAnArrayItemIsNamedWithItsIndex()
    {
        var recall = $$"""{"memories":[{{Memory[..^1]}},"score":1},{{Memory}}],"count":2,"mode":"keyword","tokens_used":2}""";

        ShapeCheck.Check(recall, ContractShapes.Cli.Recall)
            .Should().ContainSingle().Which.Should().Be(new ShapeViolation("$.memories[1].score", "number", "missing"));
    }

    [Fact]
    public void FieldsTheContractDoesNotNameStayGreen() =>
        ShapeCheck.Check(Stats[..^1] + ""","dim_violations":0,"index_evictions_total":0}""", ContractShapes.Http.Stats).Should().BeEmpty();

    [Fact]
    public void AnOptionalFieldMayBeAbsentButNotOfAnotherType()
    {
        ShapeCheck.Check(Memory, ContractShapes.Memory).Should().BeEmpty();
        ShapeCheck.Check(Memory[..^1] + ""","expires_at":17}""", ContractShapes.Memory)
            .Should().ContainSingle().Which.Should().Be(new ShapeViolation("$.expires_at", "string", "number 17"));
    }

    [Fact]
    public void NullIsNotAString() =>
        ShapeCheck.Check("""{"status":null,"service":"ai-memory"}""", ContractShapes.Http.Health)
            .Should().ContainSingle().Which.Should().Be(new ShapeViolation("$.status", "string", "null"));

    [Fact]
    public void EveryViolationIsListedNotOnlyTheFirst() =>
        ShapeCheck.Check("""{"tools":[{"name":1,"description":"d"},{"name":"x","description":"d","inputSchema":[]}]}""", ContractShapes.Mcp.ToolsList)
            .Select(v => v.Path).Should().Equal("$.tools[0].name", "$.tools[0].inputSchema", "$.tools[1].inputSchema");

    [Fact]
    public void TextThatIsNotJsonIsOneViolationAtTheRoot() =>
        ShapeCheck.Check("stored: 4f1c [mid] (ns=ns)", ContractShapes.Cli.Store)
            .Should().ContainSingle().Which.Path.Should().Be("$");
}
