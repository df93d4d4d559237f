using Xunit.Sdk;

namespace ShipGate.Tests.Support;

/// <summary>Trait <c>Phase=N</c>, so <c>dotnet test --filter Phase=2</c> selects one phase.</summary>
[TraitDiscoverer("ShipGate.Tests.Support.PhaseTraitDiscoverer", "ShipGate.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PhaseAttribute(int phase) : Attribute, ITraitAttribute
{
    public const string TraitName = "Phase";

    public int Phase { get; } = phase;
}

public sealed class PhaseTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        var phase = traitAttribute.GetConstructorArguments().First();
        yield return new KeyValuePair<string,
            string>(PhaseAttribute.TraitName, Convert.ToString(phase, System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }
}
