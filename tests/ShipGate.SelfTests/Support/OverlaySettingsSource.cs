using ShipGate.Fixtures.Settings;

namespace ShipGate.SelfTests.Support;

/// <summary>
/// Settings a self-test pins, over the process environment: what the test sets wins (an empty value
/// means "the default", as an unset variable does); everything else (DOCKER_*, the executable under
/// test, the base images) still comes from the environment the suite runs in.
/// </summary>
public sealed class OverlaySettingsSource(IReadOnlyDictionary<string, string> pinned, ISettingsSource? fallback = null) : ISettingsSource
{
    private readonly ISettingsSource _fallback = fallback ?? EnvironmentSettingsSource.Instance;

    public string? Get(string name) => pinned.TryGetValue(name, out var value) ? value : _fallback.Get(name);
}
