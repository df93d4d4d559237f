using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>The fields of one write as the CLI and MCP receive them, validated with the HTTP rules (contract §1.5).</summary>
public sealed record StoreRequest
{
    public static readonly IReadOnlyList<string> Scopes = ["private", "team", "unit", "org", "collective"];

    public required string Title { get; init; }
    public required string Content { get; init; }
    public string Tier { get; init; } = Tiers.Mid;
    public required string Namespace { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public long Priority { get; init; } = 5;
    public double Confidence { get; init; } = 1.0;
    public required string Source { get; init; }
    public string? ExpiresAt { get; init; }
    public long? TtlSecs { get; init; }
    public string? Scope { get; init; }
    public JsonObject Metadata { get; init; } = new();
    public required string AgentId { get; init; }

    /// <summary>The validated create request, or the first rule's message.</summary>
    public (NewMemory? Memory, string? Error) Validate()
    {
        var error = Validation.Title(Title) ?? Validation.Content(Content)
            ?? (Tiers.IsValid(Tier) ? null : $"invalid tier '{Tier}' (expected short, mid or long)")
            ?? Validation.Namespace(Namespace) ?? Validation.Tags(Tags) ?? Validation.Priority(Priority)
            ?? Validation.Confidence(Confidence) ?? Validation.Source(Source, FaultSwitches.Current)
            ?? Validation.ExpiresAt(ExpiresAt) ?? (TtlSecs is { } ttl ? Validation.TtlSecs(ttl) : null)
            ?? (Scope is null || Scopes.Contains(Scope) ? null : $"invalid scope '{Scope}' (allowed: {string.Join(", ", Scopes)})")
            ?? Validation.Metadata(Metadata) ?? Validation.AgentId(AgentId);
        if (error is not null) return (null, error);

        var metadata = (JsonObject)Metadata.DeepClone();
        if (Scope is not null) metadata["scope"] = Scope;
        return (new NewMemory
        {
            Title = Title.Trim(), Content = Content, Tier = Tier, Namespace = Namespace.Trim(),
            Tags = Tags.Select(t => t.Trim()).ToList(), Priority = (int)Priority, Confidence = Confidence, Source = Source,
            ExpiresAt = ExpiresAt, TtlSecs = TtlSecs, Metadata = metadata, AgentId = AgentId,
        }, null);
    }
}
