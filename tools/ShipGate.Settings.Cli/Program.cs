using System.Text.Json;
using ShipGate.Fixtures.Faults;
using ShipGate.Fixtures.Settings;

// shipgate-settings fault-classes: the Phase 4 fault classes the settings enable (defaults < profile < environment <
// SHIPGATE_ARGS, read by GateSettings like a gate run), canonical names in the catalog's order, as one JSON array on
// stdout. The workflow makes one Phase 4 job per class of it, so it names no class itself. Exit 2 on a bad setting.
const string Usage = "usage: shipgate-settings fault-classes";
if (args is not ["fault-classes"])
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var settings = GateSettings.FromEnvironment();
    Console.WriteLine(JsonSerializer.Serialize(FaultClass.Enabled(settings.Faults).Select(c => c.Name)));
    return 0;
}
catch (GateSettingsException e)
{
    Console.Error.WriteLine($"shipgate-settings: {e.Message}");
    return 2;
}
