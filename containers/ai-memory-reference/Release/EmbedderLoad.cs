using AiMemory.Reference.Cli;

namespace AiMemory.Reference.Release;

/// <summary>
/// What the releases do with a feature tier before `mcp` reads stdin and before `serve` listens. The tier: `mcp --tier`
/// (clap default "semantic", so config.toml's `tier` never reaches mcp), serve from config.toml's `tier` (it has no
/// flag), default semantic; an unknown name is semantic (v0.7.0 src/config.rs:3664-3667, :107-116;
/// src/daemon_runtime.rs:172-175, :2351-2353; v0.6.0 src/main.rs:105-106, :821, :905). Semantic loads all-MiniLM-L6-v2:
/// the Hugging Face download first (its cache, else the network), then a fallback folder under $HOME, and on failure runs
/// keyword-only (v0.7.0 src/embeddings.rs:177-185, :410-442; src/mcp/mod.rs:1488-1521; daemon_runtime.rs:1427-1510).
/// The reference node makes the same network attempt, so the time it takes is the environment's, as the release's is
/// (no timeout of its own: the sync hf-hub client gets none in embeddings.rs:410-424), and never loads a model: with
/// the files present it says so and serves keyword-only. smart and autonomous need Ollama; the node has none and
/// falls back at once. Applied at v0.7.0 only: v0.6.0 mode keeps the immediate fallback (docs/node-contract.md §10).
/// </summary>
public static class EmbedderLoad
{
    public static readonly IReadOnlyList<string> Tiers = ["keyword", "semantic", "smart", "autonomous"];
    private const string Model = "sentence-transformers/all-MiniLM-L6-v2";
    private const string FallbackSubdir = ".cache/huggingface/hub/models--sentence-transformers--all-MiniLM-L6-v2/snapshots/main";
    private static readonly string[] ModelFiles = ["config.json", "tokenizer.json", "model.safetensors"];

    /// <summary>FeatureTier::from_str, case-insensitive; anything else is semantic.</summary>
    public static string Resolve(string? requested) =>
        requested?.ToLowerInvariant() is { } t && Tiers.Contains(t) ? t : "semantic";

    /// <summary>Returns once the release would be serving: keyword-only, since the reference node has no embedder.</summary>
    public static async Task AttemptAsync(string tier, string who)
    {
        if (tier == "keyword") return;
        if (!ReleaseVersion.IsV070 || tier != "semantic")
        {
            Console.Error.WriteLine($"ai-memory: no embedder/LLM available for tier '{tier}'; falling back to keyword");
            return;
        }
        var fallback = Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", FallbackSubdir);
        if (ModelFiles.All(f => File.Exists(Path.Combine(fallback, f))))
        {
            Console.Error.WriteLine($"ai-memory: model files found in {fallback}, but the reference node has no embedder; keyword only");
            return;
        }
        var download = await DownloadAttemptAsync();
        var error = $"model files not found in fallback dir: {fallback}. Download them manually from https://huggingface.co/{Model}";
        Console.Error.WriteLine($"ai-memory: hf-hub download failed ({download}), trying fallback dir");
        Console.Error.WriteLine(who == "serve"
            ? $"ai-memory: EMBEDDER LOAD FAILED — tier=semantic requested semantic features, but embedder init errored: {error}. " +
              "Daemon falls back to keyword-only."
            : $"ai-memory: embedder failed: {error}");
    }

    // The first request hf-hub's download makes: the model's config.json on huggingface.co.
    private static async Task<string> DownloadAttemptAsync()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using var response = await http.GetAsync($"https://huggingface.co/{Model}/resolve/main/config.json", HttpCompletionOption.ResponseHeadersRead);
            return $"huggingface.co answered {(int)response.StatusCode}; the reference node downloads no model";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return e.Message;
        }
    }
}
