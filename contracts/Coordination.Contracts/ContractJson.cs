using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Contracts;

/// <summary>
/// How the system writes JSON, on the wire, in the event store and in HTTP bodies alike:
/// camelCase names, enums as kebab-case strings (as in CloudEvents types: <c>non-procedural</c>).
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }

    /// <summary>How an enum value is written, e.g. <c>non-procedural</c>.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');
}
