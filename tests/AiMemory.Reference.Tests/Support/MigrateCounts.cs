using System.Text.Json.Nodes;

namespace AiMemory.Reference.Tests.Support;

/// <summary>The numbers of a `migrate --json` report the gate judges, as one comparable tuple.</summary>
public static class MigrateCounts
{
    public static (int Batches, int Read, int Written, int Errors) Of(JsonNode report) =>
        (report["batches"]!.GetValue<int>(), report["memories_read"]!.GetValue<int>(),
         report["memories_written"]!.GetValue<int>(), report["errors"]!.AsArray().Count);
}
