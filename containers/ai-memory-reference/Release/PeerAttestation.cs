using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Release;

/// <summary>
/// v0.7.0's receiver checks on the peer endpoints (src/federation/peer_attestation.rs, src/handlers/federation_receive.rs).
/// /sync/push: the body's sender_agent_id must equal the `x-peer-id` header (or be allowed for it), else 403
/// `peer_id_header_missing` / `sender_agent_id_mismatch` (federation_receive.rs:39-56, :629-660), unless
/// AI_MEMORY_FED_TRUST_BODY_AGENT_ID=1 (peer_attestation.rs:77-79). /sync/since: rows only for a peer that
/// AI_MEMORY_FED_PEER_ATTESTATION gives a namespace allowlist, else an empty page (default-deny,
/// federation_receive.rs:1376-1414), unless AI_MEMORY_FED_SYNC_TRUST_PEER=1 (peer_attestation.rs:82-84).
/// v0.6.0 checks none of this.
/// </summary>
public static class PeerAttestation
{
    public const string TrustBodyAgentId = "AI_MEMORY_FED_TRUST_BODY_AGENT_ID";
    public const string SyncTrustPeer = "AI_MEMORY_FED_SYNC_TRUST_PEER";
    public const string Scopes = "AI_MEMORY_FED_PEER_ATTESTATION";

    /// <summary>The 403 body for a push that fails attestation, or null when it passes (or the release does not check).</summary>
    public static JsonObject? RefusePush(string? peerHeader, string sender)
    {
        if (!ReleaseVersion.IsV070 || Environment.GetEnvironmentVariable(TrustBodyAgentId) == "1") return null;
        var peer = peerHeader?.Trim();
        string? tag = null;
        if (string.IsNullOrEmpty(peer)) tag = "peer_id_header_missing";
        else if (sender.Trim() is { Length: > 0 } claimed && claimed != peer && List(peer, "allowed_sender_agent_ids")?.Contains(claimed) != true)
            tag = "sender_agent_id_mismatch";
        if (tag is null) return null;
        var missing = tag == "peer_id_header_missing";
        return new JsonObject
        {
            ["error"] = tag, ["claimed"] = missing ? "" : sender.Trim(), ["peer_header"] = missing ? "" : peer,
            ["note"] = "set AI_MEMORY_FED_TRUST_BODY_AGENT_ID=1 to opt out (legacy peers); pre-v0.7.0 federation peers must be upgraded to send `x-peer-id`.",
        };
    }

    /// <summary>How /sync/since filters rows for this puller: null = every row (v0.6.0, or the bypass).</summary>
    public static SinceScope? ScopeFor(string? peerHeader)
    {
        if (!ReleaseVersion.IsV070) return null;
        var peer = peerHeader?.Trim();
        var namespaces = string.IsNullOrEmpty(peer) ? null : List(peer, "allowed_namespaces");
        if (namespaces is null) return Environment.GetEnvironmentVariable(SyncTrustPeer) == "1" ? new SinceScope(null, "legacy_bypass") : SinceScope.Deny;
        return new SinceScope(namespaces, "scoped");
    }

    // The env var is a JSON object {peer_id: {allowed_sender_agent_ids: [...], allowed_namespaces: [...]}}; a parse
    // failure is an empty allowlist, as the release falls back (peer_attestation.rs:48-68).
    private static List<string>? List(string peer, string field)
    {
        try
        {
            return JsonNode.Parse(Environment.GetEnvironmentVariable(Scopes) ?? "") is JsonObject all && all[peer] is JsonObject scope
                ? (scope[field] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").ToList()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>peer_attestation.rs:122-142: `*`/`**`, `prefix/**`, `prefix/*`, `*/suffix`, else exact.</summary>
    public static bool Glob(string pattern, string target)
    {
        if (pattern is "**" or "*") return true;
        if (pattern.EndsWith("/**", StringComparison.Ordinal))
            return target == pattern[..^3] || target.StartsWith(pattern[..^3] + "/", StringComparison.Ordinal);
        if (pattern.EndsWith("/*", StringComparison.Ordinal))
            return target.StartsWith(pattern[..^2] + "/", StringComparison.Ordinal) && !target[(pattern.Length - 1)..].Contains('/');
        if (pattern.StartsWith("*/", StringComparison.Ordinal))
            return target.EndsWith("/" + pattern[2..], StringComparison.Ordinal) && !target[..^(pattern.Length - 1)].Contains('/');
        return pattern == target;
    }

    /// <summary>Namespaces null = all rows; Status is the response's scope_status.</summary>
    public sealed record SinceScope(IReadOnlyList<string>? Namespaces, string Status)
    {
        public static readonly SinceScope Deny = new([], "no_allowlist_default_deny");

        public bool Allows(string ns) => Namespaces is null || Namespaces.Any(p => Glob(p, ns));
    }
}
