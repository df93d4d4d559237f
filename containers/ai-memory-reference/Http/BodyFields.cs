using System.Text.Json;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Http;

/// <summary>
/// Typed reads from a JSON object body with serde's verdicts: a missing required field, a wrong type or an unknown
/// enum value is a 422 shape error; an explicit null of an optional field counts as absent.
/// </summary>
public readonly struct BodyFields
{
    private readonly JsonElement _obj;

    private BodyFields(JsonElement obj) => _obj = obj;

    public static BodyFields Of(JsonElement body, string what = "request body") =>
        body.ValueKind == JsonValueKind.Object ? new BodyFields(body) : throw Rejection.WrongShape($"invalid type: expected {what} object");

    public JsonElement? Raw(string name) => _obj.TryGetProperty(name, out var v) ? v : null;

    public bool Has(string name) => Raw(name) is { ValueKind: not JsonValueKind.Null };

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Rejection.WrongShape($"missing field `{name}`");

    public string? OptionalString(string name) => Raw(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw Mistyped(name, "a string"),
    };

    public long? OptionalInteger(string name, long min = int.MinValue, long max = int.MaxValue) => Raw(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var i) && i >= min && i <= max => i,
        _ => throw Mistyped(name, "an integer"),
    };

    public double? OptionalNumber(string name) => Raw(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        _ => throw Mistyped(name, "a number"),
    };

    public bool? OptionalBool(string name) => Raw(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Mistyped(name, "a boolean"),
    };

    public IReadOnlyList<string>? OptionalStrings(string name)
    {
        switch (Raw(name))
        {
            case null or { ValueKind: JsonValueKind.Null }: return null;
            case { ValueKind: JsonValueKind.Array } v:
                var list = new List<string>();
                foreach (var item in v.EnumerateArray())
                    list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Mistyped(name, "a sequence of strings"));
                return list;
            default: throw Mistyped(name, "a sequence");
        }
    }

    /// <summary>Tier is an enum on the wire: anything but exactly short/mid/long ("MID", "forever") fails deserialization.</summary>
    public string? OptionalTier(string name = "tier")
    {
        var tier = OptionalString(name);
        return tier is null || Tiers.IsValid(tier) ? tier
            : throw Rejection.WrongShape($"{name}: unknown variant `{tier}`, expected one of `short`, `mid`, `long`");
    }

    private static Rejection Mistyped(string name, string expected) => Rejection.WrongShape($"{name}: invalid type, expected {expected}");
}
