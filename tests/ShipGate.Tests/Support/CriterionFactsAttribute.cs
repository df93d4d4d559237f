using ShipGate.Contract.Criteria;
using Xunit.Sdk;

namespace ShipGate.Tests.Support;

/// <summary>
/// One test case per fact the criteria catalog lists for the class's phase (per node, per fault class, or once),
/// each named by the catalog ("Phase 1 · node-b · backup leaves exactly one manifest") and given its key. The
/// method takes the key. Facts can skip (Skip.If): an opt-in fault class that is not enabled.
/// </summary>
[XunitTestCaseDiscoverer("ShipGate.Tests.Support.CriterionFactsDiscoverer", "ShipGate.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CriterionFactsAttribute : FactAttribute;

public sealed class CriterionFactsDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var phase = testMethod.TestClass.Class.GetCustomAttributes(typeof(PhaseAttribute)).Single().GetConstructorArguments().Single() as int?
            ?? throw new InvalidOperationException($"{testMethod.TestClass.Class.Name} needs [Phase(N)]");
        return CriteriaCatalog.AllFacts(phase).Select(fact => new CriterionTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, fact.Key));
    }
}

public sealed class CriterionTestCase : SkippableFactTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public CriterionTestCase()
    {
    }

    public CriterionTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string key)
        : base([typeof(Xunit.SkipException).FullName!], sink, display, options, method, [key])
    {
    }

    /// <summary>
    /// Beside the class's Phase trait, the fact's node or fault class and its criterion, so a test explorer groups
    /// by them and <c>dotnet test --filter "Node=node-b"</c> (or FaultClass=…, Criterion=…) selects them.
    /// </summary>
    protected override void Initialize()
    {
        base.Initialize();
        if (TestMethodArguments?.FirstOrDefault() is not string key) return;
        var fact = CriteriaCatalog.Fact(key);
        Add(Traits, NodeTrait, fact.Node);
        Add(Traits, FaultClassTrait, fact.Fault);
        Add(Traits, CriterionTrait, fact.Criterion.What);
    }

    public const string NodeTrait = "Node";
    public const string FaultClassTrait = "FaultClass";
    public const string CriterionTrait = "Criterion";

    private static void Add(Dictionary<string, List<string>> traits, string name, string? value)
    {
        if (value is null) return;
        if (!traits.TryGetValue(name, out var values)) traits[name] = values = [];
        values.Add(value);
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        TestMethodArguments?.FirstOrDefault() is string key ? CriteriaCatalog.Fact(key).DisplayName : displayName;
}
