using System.Reflection;

namespace ShipGate.Results.Campaign;

/// <summary>ShipGate's own release: the VERSION file at the repository root, built into this assembly's version.</summary>
public static class GateVersion
{
    public static string Current { get; } =
        typeof(GateVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
