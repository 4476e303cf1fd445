using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Coordination.Contracts;
using Coordination.EventLog.Feed;
using Microsoft.Extensions.Options;

namespace Coordination.EventLog.Exchange;

/// <summary>
/// The AsyncAPI 3.0 document of the integrators' exchange, built from the contracts so that
/// a contract added later is described without anyone editing a file: one message per
/// contract, its data schema from the contract type, personal fields marked
/// <c>x-personal-data</c> (null on the exchange).
/// </summary>
public static class AsyncApiDocument
{
    public static void MapAsyncApi(this WebApplication app) =>
        app.MapGet("/api/events/asyncapi.json", (IOptions<ExchangeOptions> options) => Results.Json(Build(options.Value.Name)))
            .WithName("AsyncApi")
            .WithSummary("The AsyncAPI 3.0 document of the RabbitMQ exchange and its messages.");

    public static JsonObject Build(string exchange)
    {
        var messages = new JsonObject();
        foreach (var contract in IntegrationEvents.All)
            messages[Key(contract)] = Message(contract);

        var references = new JsonArray([.. IntegrationEvents.All.Select(c => (JsonNode)Ref($"#/channels/events/messages/{Key(c)}"))]);
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Coordination shared event log: integrators' exchange",
                ["version"] = "1.0.0",
                ["description"] = $"Every entry of the shared log, in order of position, republished to the durable topic exchange "
                    + $"'{exchange}' as a structured CloudEvent (at least once: drop repeats by id). Personal fields are always null "
                    + "here; integrators with personal-data rights read them by the HTTP feed. Bind your own queue with a key of "
                    + "the form <province>.<service>.<event>; your RabbitMQ user may bind only the keys your data-sharing agreement covers.",
            },
            ["defaultContentType"] = LogCloudEvents.ContentType,
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject { ["host"] = "rabbitmq.coordination.example:5671", ["protocol"] = "amqps", ["protocolVersion"] = "0.9.1" },
            },
            ["channels"] = new JsonObject
            {
                ["events"] = new JsonObject
                {
                    ["address"] = "{province}.{service}.{event}",
                    ["parameters"] = new JsonObject
                    {
                        ["province"] = new JsonObject { ["enum"] = new JsonArray(Provinces.Kepri, Provinces.Ntt, Provinces.Kalbar), ["description"] = "Whose data it is (Kemendagri code)." },
                        ["service"] = new JsonObject { ["enum"] = new JsonArray([.. IntegrationEvents.All.Select(IntegrationEvents.Service).Distinct().Select(s => (JsonNode)s!)]) },
                        ["event"] = new JsonObject { ["description"] = "The event name: the third segment of the CloudEvents type." },
                    },
                    ["messages"] = new JsonObject([.. IntegrationEvents.All.Select(c =>
                        new KeyValuePair<string, JsonNode?>(Key(c), Ref($"#/components/messages/{Key(c)}")))]),
                    ["bindings"] = new JsonObject
                    {
                        ["amqp"] = new JsonObject
                        {
                            ["is"] = "routingKey",
                            ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "topic", ["durable"] = true, ["autoDelete"] = false },
                            ["bindingVersion"] = "0.3.0",
                        },
                    },
                },
            },
            ["operations"] = new JsonObject
            {
                ["receiveEvents"] = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = Ref("#/channels/events"),
                    ["messages"] = references,
                },
            },
            ["components"] = new JsonObject { ["messages"] = messages },
        };
    }

    private static JsonObject Message(Type contract)
    {
        var type = IntegrationEvents.CloudEventType(contract);
        string[] required = ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "province", "sequence", "dataclassification", "data"];
        var classification = ContractJson.NameOf(IntegrationEvents.Classification(contract));
        return new JsonObject
        {
            ["name"] = type,
            ["title"] = contract.Name,
            ["contentType"] = LogCloudEvents.ContentType,
            ["payload"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r!)]),
                ["properties"] = new JsonObject
                {
                    ["specversion"] = Const("1.0"),
                    ["id"] = new JsonObject { ["type"] = "string", ["description"] = "The event's id; the same on every path and every repeat." },
                    ["source"] = Const(IntegrationEvents.Source(contract)),
                    ["type"] = Const(type),
                    ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "<aggregate>/<id>" },
                    ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                    ["datacontenttype"] = Const("application/json"),
                    ["province"] = new JsonObject { ["type"] = "string" },
                    ["sequence"] = new JsonObject { ["type"] = "string", ["description"] = "The source stream's version after this event." },
                    ["traceparent"] = new JsonObject { ["type"] = "string" },
                    ["dataclassification"] = Const(classification),
                    ["redacted"] = new JsonObject { ["type"] = "boolean", ["description"] = "true: the personal fields are null." },
                    ["data"] = DataSchema(contract),
                },
            },
            ["bindings"] = new JsonObject
            {
                ["amqp"] = new JsonObject { ["messageType"] = type, ["deliveryMode"] = 2, ["bindingVersion"] = "0.3.0" },
            },
        };
    }

    private static JsonNode DataSchema(Type contract) => ContractJson.Options.GetJsonSchemaAsNode(contract, new JsonSchemaExporterOptions
    {
        TransformSchemaNode = (context, node) =>
        {
            if (context.PropertyInfo?.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), false) == true && node is JsonObject o)
                o["x-personal-data"] = true;
            return node;
        },
    });

    private static string Key(Type contract) => IntegrationEvents.CloudEventType(contract).Replace('.', '-');

    private static JsonObject Ref(string to) => new() { ["$ref"] = to };

    private static JsonObject Const(string value) => new() { ["type"] = "string", ["const"] = value };
}
