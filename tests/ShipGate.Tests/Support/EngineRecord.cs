using System.Text.Json.Nodes;
using ShipGate.Fixtures.Cluster;

namespace ShipGate.Tests.Support;

/// <summary>
/// How the engine answered this run, for the phase record (<c>engine</c>): its endpoint, version and the API version
/// spoken, how long the first reach took and in how many attempts, and every engine call that needed more than one
/// attempt (a busy engine is slow, not down: the figures say how slow). A report for people, not an input to a verdict.
/// </summary>
public static class EngineRecord
{
    public static JsonObject? Of(EngineReach? reach, IEnumerable<EngineWait> retried) => reach is null ? null : new JsonObject
    {
        ["endpoint"] = reach.Endpoint,
        ["engine_version"] = reach.EngineVersion,
        ["engine_api"] = reach.EngineApi,
        ["api_version"] = reach.ApiVersion,
        ["api_source"] = reach.ApiSource,
        ["reach_attempts"] = reach.Wait.Attempts,
        ["reach_ms"] = Math.Round(reach.Wait.Millis, 1),
        ["retried"] = new JsonArray([.. retried.Select(w => (JsonNode)new JsonObject
        {
            ["what"] = w.What,
            ["attempts"] = w.Attempts,
            ["ms"] = Math.Round(w.Millis, 1),
            ["last_error"] = w.LastError,
        })]),
    };
}
