using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Contracts;

/// <summary>
/// How the system writes JSON, on the wire, in the event store and in HTTP bodies alike:
/// camelCase names, enums as camelCase strings.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
