using ShipGate.Fixtures.Cluster;
using Xunit.Sdk;

namespace ShipGate.Tests.Support;

/// <summary>
/// A fact that runs once per node (node-a, node-b, node-c), each its own test case named like
/// "Phase 1 · node-b · backup leaves exactly one manifest". The method takes the node alias.
/// </summary>
[XunitTestCaseDiscoverer("ShipGate.Tests.Support.NodeFactDiscoverer", "ShipGate.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute(string criterion) : FactAttribute
{
    public string Criterion { get; } = criterion;
}

public sealed class NodeFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        Cluster.Aliases.Select(alias => new NodeFactTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, alias));
}

public sealed class NodeFactTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public NodeFactTestCase()
    {
    }

    public NodeFactTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string node)
        : base(sink, display, options, method, [node])
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
    {
        var criterion = factAttribute.GetConstructorArguments().FirstOrDefault() as string ?? displayName;
        var phase = TestMethod.TestClass.Class.GetCustomAttributes(typeof(PhaseAttribute)).FirstOrDefault()?.GetConstructorArguments().FirstOrDefault();
        var node = TestMethodArguments?.FirstOrDefault() as string ?? "?";
        return $"Phase {phase} · {node} · {criterion}";
    }
}
