using System.Text.Json;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Fixtures.Cluster;
using ShipGate.Fixtures.Settings;

namespace ShipGate.Tests.Support;

/// <summary>
/// Runs one phase's campaign once for its test class and keeps the evidence record the facts read. Never
/// throws: bad settings, like a cluster that never came up, become evidence whose preflight fact is red.
/// The campaign removes its containers before returning, so disposal has nothing left to do.
/// </summary>
public abstract class PhaseFixture<TEvidence>(IMessageSink sink) : IAsyncLifetime where TEvidence : class
{
    private TEvidence? _evidence;
    private IReadOnlyList<SettingValue> _settings = [];
    private JsonObject? _engine;
    private int _recordTaken;

    public TEvidence Evidence => _evidence ?? Failed("the phase fixture never ran");

    /// <summary>
    /// The phase evidence record with the settings used (value and layer each), for the test output: the first
    /// fact to ask gets it, every later one null, so the record is written once per phase, not once per fact.
    /// </summary>
    public JsonObject? TakeRecord()
    {
        if (Interlocked.Exchange(ref _recordTaken, 1) == 1) return null;
        var record = JsonSerializer.SerializeToNode(Evidence, Evidence.GetType(), EvidenceLines.Json)!.AsObject();
        record[Fixtures.Evidence.PhaseRecords.SettingsField] = JsonSerializer.SerializeToNode(_settings, EvidenceLines.Json);
        // The cluster shape the release floor requires, recorded so the converter checks it rather than assumes it.
        record[Fixtures.Evidence.PhaseRecords.ClusterField] =
            new JsonObject { ["nodes"] = Contract.Criteria.Topology.Nodes.Count, ["quorum_writes"] = Fixtures.Cluster.Cluster.QuorumWrites };
        record[Fixtures.Evidence.PhaseRecords.EngineField] = _engine?.DeepClone();
        return record;
    }

    public async Task InitializeAsync()
    {
        var log = GateLog.To(sink);
        try
        {
            var settings = GateSettings.FromEnvironment();
            _settings = settings.Sources;
            log("settings: "
                + $"{string.Join(", ", settings.Sources.Where(s => s.Source != SettingLayers.Default).Select(s => $"{s.Name}={s.Value} ({s.Source})"))}");
            if (await ReferenceNode.EnsurePublishedAsync(settings, log) is { } publishFailure)
            {
                _evidence = Failed(publishFailure);
                return;
            }

            var retriedBefore = EngineRetry.Retried.Count;
            _evidence = await RunAsync(settings, log);
            _engine = EngineRecord.Of(EngineSetup.LastReach, EngineRetry.Retried.Skip(retriedBefore));
        }
        catch (GateSettingsException e)
        {
            log($"settings rejected: {e.Message.ReplaceLineEndings(" | ")}");
            _evidence = Failed(e.Message.ReplaceLineEndings(" | "));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<TEvidence> RunAsync(GateSettings settings, Action<string> log);

    /// <summary>Evidence of a phase that could not act, carrying the one line that says why.</summary>
    protected abstract TEvidence Failed(string reason);
}
