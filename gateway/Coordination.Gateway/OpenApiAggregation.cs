using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy;

namespace Coordination.Gateway;

/// <summary>
/// One OpenAPI document for the whole public API at <c>/openapi.json</c>: the services'
/// own documents (their paths already carry the gateway's prefixes) merged, with the
/// gateway's API key as the security scheme.
/// </summary>
public static class OpenApiAggregation
{
    public static void MapAggregatedOpenApi(this WebApplication app) =>
        app.MapGet("/openapi.json", async (IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken ct) =>
            {
                var http = clients.CreateClient(Backends.Client);
                var paths = new JsonObject();
                var schemas = new JsonObject();
                var unavailable = new JsonArray();
                foreach (var (service, address) in Backends.Each(proxy, "/openapi/v1.json"))
                {
                    JsonObject? document;
                    try
                    {
                        document = await http.GetFromJsonAsync<JsonObject>(address, ct);
                    }
                    catch (HttpRequestException)
                    {
                        document = null;
                    }
                    if (document is null)
                    {
                        unavailable.Add(service);
                        continue;
                    }
                    CopyInto(paths, document["paths"]);
                    CopyInto(schemas, document["components"]?["schemas"]);
                }

                return Results.Json(new JsonObject
                {
                    ["openapi"] = "3.1.1",
                    ["info"] = new JsonObject { ["title"] = "Coordination", ["version"] = "v1" },
                    ["paths"] = paths,
                    ["components"] = new JsonObject
                    {
                        ["schemas"] = schemas,
                        ["securitySchemes"] = new JsonObject
                        {
                            ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeyHandler.Header },
                        },
                    },
                    ["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }),
                    ["x-unavailable-services"] = unavailable,
                });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>Adds the members of <paramref name="source"/> the target lacks (shared schemas are the same).</summary>
    private static void CopyInto(JsonObject target, JsonNode? source)
    {
        if (source is not JsonObject members) return;
        foreach (var (name, value) in members)
            if (!target.ContainsKey(name)) target[name] = value?.DeepClone();
    }
}
