using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Storage;

/// <summary>
/// The memory store every front end uses (HTTP, CLI, MCP, federation). One SQLite file per node.
/// Inputs are already validated (see Validation); the store applies the contract's semantics:
/// upsert on (title, namespace), tier never downgrades, expiry, recall side effects, insert-if-newer merge.
/// Implementations serialise access internally (the real server holds one connection behind one mutex).
/// </summary>
public interface IMemoryStore : IDisposable
{
    /// <summary>Create = upsert on (title, namespace) with v0.6.0 semantics (contract §1.5 "Duplicate handling").</summary>
    UpsertResult Upsert(NewMemory memory);

    /// <summary>By full id or unique prefix; null when absent; throws AmbiguousIdException on an ambiguous prefix.</summary>
    Memory? Get(string idOrPrefix);

    /// <summary>Rows matching the filter, excluding expired ones, ordered priority desc then updated_at desc.
    /// The caller clamps the limit (the HTTP layer clamps to 200; migrate asks for everything).</summary>
    IReadOnlyList<Memory> List(ListQuery query);

    /// <summary>Keyword AND search (read-only).</summary>
    IReadOnlyList<Memory> Search(SearchQuery query);

    /// <summary>Keyword OR recall; mutates every returned row (access_count, last_accessed_at, expiry, promotion).</summary>
    RecallResult Recall(RecallQuery query);

    /// <summary>Patch; null when absent; throws TitleConflictException on a (title, namespace) clash with another row.</summary>
    Memory? Update(string idOrPrefix, MemoryPatch patch);

    /// <summary>True when a row was deleted.</summary>
    bool Delete(string idOrPrefix);

    StoreStats Stats();

    /// <summary>Namespaces with non-expired counts, descending by count.</summary>
    IReadOnlyList<NamespaceCount> Namespaces();

    /// <summary>Peer merge, "insert if newer" keyed on (title, namespace) (contract §2.5).</summary>
    MergeOutcome Merge(Memory incoming);

    /// <summary>Merges a page of rows; a store may take them in one transaction (catch-up pulls pages).</summary>
    IReadOnlyList<MergeOutcome> MergeAll(IReadOnlyList<Memory> incoming) => [.. incoming.Select(Merge)];

    /// <summary>Rows with updated_at > since (text comparison; null = all), ascending by updated_at, expired included.</summary>
    IReadOnlyList<Memory> Since(string? since, int limit);

    /// <summary>Deletes expired rows; returns how many.</summary>
    int CollectGarbage();

    /// <summary>A consistent hot copy of the database (VACUUM INTO) at a path that must not exist yet.</summary>
    void SnapshotTo(string path);

    /// <summary>The database file path as given.</summary>
    string Path { get; }

    /// <summary>
    /// Runs work against the raw SQLite connection under the store's lock, for features that own their own tables
    /// (links, archive, namespace_meta, pending_actions, agents, subscriptions; see Schema).
    /// </summary>
    T WithConnection<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> work);
}

/// <summary>A validated create request. Null fields take the contract's defaults.</summary>
public sealed record NewMemory
{
    public required string Title { get; init; }
    public required string Content { get; init; }
    public string Tier { get; init; } = Tiers.Mid;
    public string Namespace { get; init; } = "global";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int Priority { get; init; } = 5;
    public double Confidence { get; init; } = 1.0;
    public string Source { get; init; } = "api";
    /// <summary>Absolute expiry; when null and TtlSecs is null the tier default applies.</summary>
    public string? ExpiresAt { get; init; }
    public long? TtlSecs { get; init; }
    /// <summary>Caller metadata; the store writes AgentId into metadata.agent_id (overwriting the caller's).</summary>
    public JsonObject Metadata { get; init; } = new();
    /// <summary>The resolved writer id; null leaves metadata untouched (bulk create).</summary>
    public string? AgentId { get; init; }
    /// <summary>The id a new row gets; null = a fresh UUID. An upsert onto an existing row keeps that row's id.</summary>
    public string? Id { get; init; }
}

public sealed record UpsertResult(Memory Stored, bool Existed);

public sealed record ListQuery
{
    public string? Namespace { get; init; }
    public string? Tier { get; init; }
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }
    public int? MinPriority { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    public string? Tag { get; init; }
    public string? AgentId { get; init; }
}

public sealed record SearchQuery
{
    public required string Query { get; init; }
    public string? Namespace { get; init; }
    public string? Tier { get; init; }
    public int Limit { get; init; } = 20;
    public int? MinPriority { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    public string? Tag { get; init; }
    public string? AgentId { get; init; }
}

public sealed record RecallQuery
{
    public required string Context { get; init; }
    public string? Namespace { get; init; }
    public int Limit { get; init; } = 10;
    public string? Tag { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    public long? BudgetTokens { get; init; }
}

public sealed record RecallResult(IReadOnlyList<ScoredMemory> Memories, long TokensUsed);

public sealed record MemoryPatch
{
    public string? Title { get; init; }
    public string? Content { get; init; }
    public string? Tier { get; init; }
    public string? Namespace { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public int? Priority { get; init; }
    public double? Confidence { get; init; }
    /// <summary>Set: a new expiry; ClearExpiry: remove it; neither: unchanged.</summary>
    public string? ExpiresAt { get; init; }
    public bool ClearExpiry { get; init; }
    public JsonObject? Metadata { get; init; }
}

public sealed record StoreStats(
    long Total,
    IReadOnlyList<TierCount> ByTier,
    IReadOnlyList<NamespaceCount> ByNamespace,
    long ExpiringSoon,
    long LinksCount,
    long DbSizeBytes);

public sealed record TierCount(string Tier, long Count);

public sealed record NamespaceCount(string Namespace, long Count);

public enum MergeOutcome { Applied, Noop, Skipped }

public sealed class AmbiguousIdException(string prefix) : Exception($"ambiguous id prefix: {prefix}");

public sealed class TitleConflictException(string title, string ns)
    : Exception($"title '{title}' already exists in namespace '{ns}'");
