using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiMemory.Reference.Faults;

namespace AiMemory.Reference.Model;

/// <summary>The field rules of contract §1.5, shared by HTTP, CLI, MCP and sync. Each returns an error message or null.</summary>
public static partial class Validation
{
    public const int MaxTitleChars = 512;
    public const int MaxContentBytes = 65_536;
    public const int MaxTags = 50;
    public const int MaxTagBytes = 128;
    public const int MaxSourceBytes = 64;
    public const int MaxNamespaceChars = 512;
    public const int MaxNamespaceSegments = 8;
    public const int MaxMetadataBytes = 65_536;
    public const int MaxMetadataDepth = 32;
    public const long MaxTtlSecs = 31_536_000;

    [GeneratedRegex(@"^[A-Za-z0-9_\-:@./]{1,128}$")]
    private static partial Regex AgentIdPattern();

    public static string? Title(string? title)
    {
        var t = title?.Trim();
        if (string.IsNullOrEmpty(t)) return "title must not be empty";
        if (t.Length > MaxTitleChars) return $"title exceeds {MaxTitleChars} characters";
        return HasForbiddenControl(t) ? "title contains control characters" : null;
    }

    public static string? Content(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return "content must not be empty";
        if (Encoding.UTF8.GetByteCount(content) > MaxContentBytes) return $"content exceeds {MaxContentBytes} bytes";
        return HasForbiddenControl(content) ? "content contains control characters" : null;
    }

    public static string? Namespace(string? ns)
    {
        var n = ns?.Trim();
        if (string.IsNullOrEmpty(n)) return "namespace must not be empty";
        if (n.Length > MaxNamespaceChars) return $"namespace exceeds {MaxNamespaceChars} characters";
        if (n.Any(c => c == '\\' || c == ' ' || char.IsControl(c))) return "namespace contains invalid characters";
        if (n.StartsWith('/') || n.EndsWith('/') || n.Contains("//")) return "namespace has an invalid '/' placement";
        var segments = n.Split('/');
        if (segments.Length > MaxNamespaceSegments) return $"namespace exceeds {MaxNamespaceSegments} segments";
        return segments.Any(s => s is "." or "..") ? "namespace segment may not be '.' or '..'" : null;
    }

    public static string? Tags(IReadOnlyList<string>? tags)
    {
        if (tags is null) return null;
        if (tags.Count > MaxTags) return $"too many tags (max {MaxTags})";
        foreach (var tag in tags)
        {
            var t = tag?.Trim();
            if (string.IsNullOrEmpty(t)) return "tags must not be empty";
            if (Encoding.UTF8.GetByteCount(t) > MaxTagBytes) return $"tag exceeds {MaxTagBytes} bytes";
            if (t.Any(char.IsControl)) return "tag contains control characters";
        }
        return null;
    }

    public static string? Priority(long priority) =>
        priority is < 1 or > 10 ? "priority must be between 1 and 10" : null;

    public static string? Confidence(double confidence) =>
        !double.IsFinite(confidence) || confidence is < 0.0 or > 1.0 ? "confidence must be between 0.0 and 1.0" : null;

    public static string? Source(string? source, FaultSwitches faults)
    {
        if (string.IsNullOrEmpty(source)) return "source must not be empty";
        if (Encoding.UTF8.GetByteCount(source) > MaxSourceBytes) return $"source exceeds {MaxSourceBytes} bytes";
        var allowed = faults.IsOn(FaultSwitches.SourceWithoutChaos) ? Sources.Allowed.Where(s => s != "chaos") : Sources.Allowed;
        return allowed.Contains(source) ? null : $"invalid source '{source}' (allowed: {string.Join(", ", allowed)})";
    }

    public static string? AgentId(string? agentId) =>
        agentId is not null && AgentIdPattern().IsMatch(agentId) ? null : $"invalid agent_id: {agentId}";

    public static string? TtlSecs(long ttl) => ttl is < 1 or > MaxTtlSecs ? $"ttl_secs must be between 1 and {MaxTtlSecs}" : null;

    /// <summary>An absolute expiry must parse as RFC 3339 and not lie in the past.</summary>
    public static string? ExpiresAt(string? expiresAt, bool allowPast = false)
    {
        if (expiresAt is null) return null;
        if (!Timestamps.TryParse(expiresAt, out var t)) return "expires_at must be RFC 3339";
        return !allowPast && t <= Timestamps.Clock() ? "expires_at is in the past" : null;
    }

    public static string? Metadata(JsonNode? metadata)
    {
        if (metadata is not JsonObject obj) return "metadata must be a JSON object";
        if (Encoding.UTF8.GetByteCount(obj.ToJsonString()) > MaxMetadataBytes) return $"metadata exceeds {MaxMetadataBytes} bytes";
        return Depth(obj) > MaxMetadataDepth ? $"metadata nesting exceeds depth {MaxMetadataDepth}" : null;
    }

    public static string? Id(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "id must not be empty";
        if (Encoding.UTF8.GetByteCount(id) > 128) return "id exceeds 128 bytes";
        return id.Any(char.IsControl) ? "id contains control characters" : null;
    }

    /// <summary>Full-memory validation of a pushed row (sync): a failure makes the row "skipped", not the request.</summary>
    public static string? SyncedMemory(Memory m, FaultSwitches faults) =>
        Id(m.Id) ?? Title(m.Title) ?? Content(m.Content) ?? Namespace(m.Namespace)
        ?? (Tiers.IsValid(m.Tier) ? null : "invalid tier") ?? Source(m.Source, faults) ?? Tags(m.Tags)
        ?? Priority(m.Priority) ?? Confidence(m.Confidence)
        ?? (Timestamps.TryParse(m.CreatedAt, out _) && Timestamps.TryParse(m.UpdatedAt, out _) ? null : "invalid timestamps")
        ?? Metadata(m.Metadata);

    // \n and \t are the only control characters allowed; \r is rejected, so CRLF content fails.
    private static bool HasForbiddenControl(string s) => s.Any(c => char.IsControl(c) && c != '\n' && c != '\t');

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + (o.Count == 0 ? 0 : o.Max(p => Depth(p.Value))),
        JsonArray a => 1 + (a.Count == 0 ? 0 : a.Max(Depth)),
        _ => 0,
    };
}
