using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AiMemory.Reference.Model;

/// <summary>The wire shape of a memory (contract §1.3), in the contract's field order.</summary>
public sealed record Memory
{
    public required string Id { get; init; }
    public required string Tier { get; init; }
    public required string Namespace { get; init; }
    public required string Title { get; init; }
    public required string Content { get; init; }
    // Defaulted members have setters, not init: generated JSON contracts (Native AOT) pass every init-only member to
    // the object initializer, so one absent from a pushed row would get default(T) instead of these defaults.
    public IReadOnlyList<string> Tags { get; set; } = [];
    public int Priority { get; set; } = 5;
    public double Confidence { get; set; } = 1.0;
    public string Source { get; set; } = "api";
    public long AccessCount { get; init; }
    public required string CreatedAt { get; init; }
    public required string UpdatedAt { get; init; }

    // Omitted entirely (not null) when unset, as the real server does.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastAccessedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpiresAt { get; init; }

    public JsonObject Metadata { get; set; } = new();
}

/// <summary>A memory with its recall score (3 decimals), serialized as the memory's fields plus "score".</summary>
public sealed record ScoredMemory(Memory Memory, double Score);

public static class Tiers
{
    public const string Short = "short";
    public const string Mid = "mid";
    public const string Long = "long";

    public static bool IsValid(string? tier) => tier is Short or Mid or Long;

    public static int Rank(string tier) => tier switch { Long => 2, Mid => 1, _ => 0 };

    /// <summary>Tier never downgrades on upsert, update or merge.</summary>
    public static string Max(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    public static TimeSpan? DefaultTtl(string tier) => tier switch
    {
        Short => TimeSpan.FromHours(6),
        Mid => TimeSpan.FromDays(7),
        _ => null,
    };
}

public static class Sources
{
    /// <summary>The v0.6.0 allowlist, `chaos` included (ai-memory-mcp #310).</summary>
    public static readonly IReadOnlyList<string> Allowed =
        ["user", "claude", "hook", "api", "cli", "import", "consolidation", "system", "chaos"];
}
