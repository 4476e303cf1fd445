using System.Net.Mime;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Coordination.IntegrationTests.EventLog;

/// <summary>
/// An integrator's own queue bound to the event log's exchange, read with the plain
/// RabbitMQ.Client and parsed with the CloudEvents SDK: nothing of MassTransit.
/// </summary>
public sealed class ExchangeQueue : IAsyncDisposable
{
    public const string Exchange = "coordination.events";

    private static readonly CloudEventAttribute[] Extensions =
        [.. new[] { "province", "sequence", "dataclassification" }.Select(n => CloudEventAttribute.CreateExtension(n, CloudEventAttributeType.String)),
            CloudEventAttribute.CreateExtension("redacted", CloudEventAttributeType.Boolean)];

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private ExchangeQueue(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<ExchangeQueue> Bind(CoordinationStack stack, string bindingKey)
    {
        var broker = stack.EventLog.Services.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq")!;
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        // As an integrator's setup would: the exchange is durable and topic, as the event log declares it.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, bindingKey);
        return new ExchangeQueue(connection, channel, queue);
    }

    /// <summary>Messages waiting in the queue, each with its routing key, raw body and parsed CloudEvent.</summary>
    public async Task<List<(string RoutingKey, string Body, CloudEvent Event)>> Drain()
    {
        var received = new List<(string, string, CloudEvent)>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
        {
            var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(message.Body,
                new ContentType(message.BasicProperties.ContentType!), Extensions);
            received.Add((message.RoutingKey, System.Text.Encoding.UTF8.GetString(message.Body.Span), cloudEvent));
        }
        return received;
    }

    /// <summary>Drains until a message about <paramref name="subject"/> has come; answers all drained.</summary>
    public async Task<List<(string RoutingKey, string Body, CloudEvent Event)>> Until(string subject)
    {
        var all = new List<(string RoutingKey, string Body, CloudEvent Event)>();
        await Eventually.Get(async () =>
        {
            all.AddRange(await Drain());
            return all.Any(m => m.Event.Subject == subject) ? all : null;
        }, TimeSpan.FromSeconds(30), $"{subject} reaching the queue");
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
