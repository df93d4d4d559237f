using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>A create body (contract §1.5): shape first (422), then the field rules (400 JSON), then NewMemory.</summary>
public static class CreateBody
{
    private static readonly string[] Scopes = ["private", "team", "unit", "org", "collective"];

    /// <summary>The body's own agent_id, read before validation so identity can be resolved (or rejected) alongside.</summary>
    public sealed record Parsed(NewMemory Memory, string? BodyAgentId, string? Scope);

    public static Parsed Parse(JsonElement body, FaultSwitches faults)
    {
        var f = BodyFields.Of(body);
        var title = f.RequiredString("title");
        var content = f.RequiredString("content");
        var tier = f.OptionalTier() ?? Tiers.Mid;
        var ns = f.OptionalString("namespace") ?? "global";
        var tags = f.OptionalStrings("tags") ?? [];
        var priority = f.OptionalInteger("priority") ?? 5;
        var confidence = f.OptionalNumber("confidence") ?? 1.0;
        var source = f.OptionalString("source") ?? "api";
        var expiresAt = f.OptionalString("expires_at");
        var ttl = f.OptionalInteger("ttl_secs", long.MinValue, long.MaxValue);
        var agentId = f.OptionalString("agent_id");
        var scope = f.OptionalString("scope");
        var metadata = f.Raw("metadata") is { } raw ? JsonNode.Parse(raw.GetRawText()) : new JsonObject();

        var error = Validation.Title(title) ?? Validation.Content(content) ?? Validation.Namespace(ns) ?? Validation.Tags(tags)
            ?? Validation.Priority(priority) ?? Validation.Confidence(confidence) ?? Validation.Source(source, faults)
            ?? Validation.ExpiresAt(expiresAt) ?? (ttl is { } t ? Validation.TtlSecs(t) : null) ?? Validation.Metadata(metadata)
            ?? (scope is null || Scopes.Contains(scope) ? null : $"invalid scope '{scope}' (allowed: {string.Join(", ", Scopes)})");
        if (error is not null) throw Rejection.BadRequest(error);

        var meta = (JsonObject)metadata!;
        if (scope is not null) meta["scope"] = scope;
        var memory = new NewMemory
        {
            Title = title, Content = content, Tier = tier, Namespace = ns, Tags = tags,
            Priority = (int)priority, Confidence = confidence, Source = source,
            ExpiresAt = expiresAt is null ? null : Timestamps.TryParse(expiresAt, out var at) ? Timestamps.Format(at) : null,
            TtlSecs = ttl, Metadata = meta,
        };
        return new Parsed(memory, agentId, scope);
    }
}
