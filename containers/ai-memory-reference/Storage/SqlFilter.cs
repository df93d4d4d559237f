using Microsoft.Data.Sqlite;

namespace AiMemory.Reference.Storage;

/// <summary>Accumulates WHERE conditions and their parameters; the list, search and recall filters share it.</summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _args = [];

    public SqlFilter Add(string condition, params (string Name, object Value)[] args)
    {
        _conditions.Add(condition);
        _args.AddRange(args);
        return this;
    }

    public SqlFilter AddIf<T>(T? value, string condition, string name) where T : struct =>
        value is { } v ? Add(condition, (name, v)) : this;

    public SqlFilter AddIf(string? value, string condition, string name) =>
        value is not null ? Add(condition, (name, value)) : this;

    public SqlFilter NotExpired(string now) => Add("(m.expires_at IS NULL OR m.expires_at > $now)", ("$now", now));

    /// <summary>The filters list and search share: namespace, tier, min_priority, since/until on created_at, tag, agent.</summary>
    public SqlFilter Common(string? ns, string? tier, int? minPriority, string? since, string? until, string? tag, string? agentId) =>
        AddIf(ns, "m.namespace = $ns", "$ns")
            .AddIf(tier, "m.tier = $tier", "$tier")
            .AddIf(minPriority, "m.priority >= $min_priority", "$min_priority")
            .AddIf(since, "m.created_at >= $since", "$since")
            .AddIf(until, "m.created_at <= $until", "$until")
            .AddIf(tag, "EXISTS (SELECT 1 FROM json_each(m.tags) WHERE json_each.value = $tag)", "$tag")
            .AddIf(agentId, "json_extract(m.metadata, '$.agent_id') = $agent_id", "$agent_id");

    public string Where => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    public void Bind(SqliteCommand cmd)
    {
        foreach (var (name, value) in _args) cmd.Parameters.AddWithValue(name, value);
    }
}
