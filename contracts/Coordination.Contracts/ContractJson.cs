using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Contracts;

/// <summary>How contracts read and write as JSON: camelCase names, enums as camelCase strings.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
