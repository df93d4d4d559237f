using System.Text.Json.Nodes;
using ShipGate.Results.Campaign;

namespace ShipGate.Results.Tests.Support;

/// <summary>A temporary folder with TRX files in and a runs/&lt;id&gt;/ folder out; the converter run against it.</summary>
public sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Dir = Path.Combine(Path.GetTempPath(), "shipgate-results-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string Out => Path.Combine(Dir, "runs", "c1");

    public StringWriter Log { get; } = new();

    public int Convert(IReadOnlyList<string> trx) => Converter.ConvertTrx(trx, Out, Options(), Log);

    public static CampaignOptions Options() =>
        new("c1", "release/v0.6.0", "abc123", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public JsonObject Json(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Out, file)))!;

    public JsonObject Summary => Json("campaign-summary.json");

    public string Html => File.ReadAllText(Path.Combine(Out, "index.html"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
