using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Coordination.Contracts;

namespace Coordination.EventLog.Access;

/// <summary>
/// Nulls the personal fields of an event's data, as its contract marks them with
/// <see cref="PersonalDataAttribute"/>, following nested records, lists and dictionaries, so
/// that a contract added later needs only its marks.
/// </summary>
public static class Redaction
{
    private static readonly Dictionary<string, Type> Contracts = IntegrationEvents.All.ToDictionary(IntegrationEvents.CloudEventType);
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    /// <returns>
    /// the data without personal values (null when it cannot be told what is personal in it),
    /// and whether anything was taken out.
    /// </returns>
    public static (JsonNode? Data, bool Redacted) Redact(string type, string classification, string data)
    {
        // A contract this build does not know: withhold its data when it says it is personal.
        if (!Contracts.TryGetValue(type, out var contract))
            return classification == ContractJson.NameOf(DataClassification.Personal) ? (null, true) : (JsonNode.Parse(data), false);
        var node = JsonNode.Parse(data);
        return (node, Walk(node, contract));
    }

    private static bool Walk(JsonNode? node, Type type)
    {
        var shape = Shapes.GetOrAdd(type, Shape.Of);
        var redacted = false;
        switch (node)
        {
            case JsonArray array when shape.Element is { } element:
                foreach (var item in array) redacted |= Walk(item, element);
                break;
            case JsonObject members when shape.DictionaryValue is { } value:
                foreach (var (_, item) in members.ToList()) redacted |= Walk(item, value);
                break;
            case JsonObject members:
                foreach (var member in shape.Members)
                {
                    if (!members.TryGetPropertyValue(member.Name, out var child) || child is null) continue;
                    redacted |= member.Personal is { } personal
                        ? Null(members, member.Name, child, personal.Keys)
                        : Walk(child, member.Type);
                }
                break;
        }
        return redacted;
    }

    private static bool Null(JsonObject members, string name, JsonNode child, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0 || child is not JsonObject fields)
        {
            members[name] = null;
            return true;
        }
        var redacted = false;
        foreach (var key in keys.Where(k => fields[k] is not null))
        {
            fields[key] = null;
            redacted = true;
        }
        return redacted;
    }

    /// <summary>
    /// What the walk needs of a type, found by reflection once per type rather than once per
    /// entry: a replay of the whole log redacts every entry it reads.
    /// </summary>
    private sealed record Shape(Type? Element, Type? DictionaryValue, Member[] Members)
    {
        public static Shape Of(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return new Shape(ElementOf(type), DictionaryValueOf(type),
                [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => new Member(ContractJson.Options.PropertyNamingPolicy!.ConvertName(p.Name), p.PropertyType,
                        p.GetCustomAttribute<PersonalDataAttribute>()))]);
        }
    }

    private sealed record Member(string Name, Type Type, PersonalDataAttribute? Personal);

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : Generic(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueOf(Type type) =>
        Generic(type, typeof(IReadOnlyDictionary<,>)) is { } d ? d.GetGenericArguments()[1]
        : Generic(type, typeof(IDictionary<,>)) is { } m ? m.GetGenericArguments()[1]
        : null;

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
