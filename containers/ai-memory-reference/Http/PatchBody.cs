using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>A PUT body: every field optional, same rules as create; a past expires_at is allowed, ""/"null" clears it.</summary>
public static class PatchBody
{
    public static MemoryPatch Parse(JsonElement body)
    {
        var f = BodyFields.Of(body);
        var title = f.OptionalString("title");
        var content = f.OptionalString("content");
        var tier = f.OptionalTier();
        var ns = f.OptionalString("namespace");
        var tags = f.OptionalStrings("tags");
        var priority = f.OptionalInteger("priority");
        var confidence = f.OptionalNumber("confidence");
        var expiresAt = f.OptionalString("expires_at");
        var clear = expiresAt is "" or "null";
        JsonNode? metadata = f.Raw("metadata") is { } raw ? JsonNode.Parse(raw.GetRawText()) : null;

        var error = (title is null ? null : Validation.Title(title))
            ?? (content is null ? null : Validation.Content(content))
            ?? (ns is null ? null : Validation.Namespace(ns))
            ?? Validation.Tags(tags)
            ?? (priority is { } p ? Validation.Priority(p) : null)
            ?? (confidence is { } c ? Validation.Confidence(c) : null)
            ?? (clear ? null : Validation.ExpiresAt(expiresAt, allowPast: true))
            ?? (f.Raw("metadata") is null ? null : Validation.Metadata(metadata));
        if (error is not null) throw Rejection.BadRequest(error);

        return new MemoryPatch
        {
            Title = title, Content = content, Tier = tier, Namespace = ns, Tags = tags,
            Priority = (int?)priority, Confidence = confidence,
            ExpiresAt = clear || expiresAt is null ? null : Timestamps.TryParse(expiresAt, out var at) ? Timestamps.Format(at) : null,
            ClearExpiry = clear,
            Metadata = metadata as JsonObject,
        };
    }
}
