using System.Text.Json;
using RabbitMQ.Client;

namespace Coordination.Faults;

/// <summary>The suite's own AMQP client: the poison message, and moving faulted messages back.</summary>
public sealed class Broker(Uri amqp)
{
    /// <summary>MassTransit's error transport adds these; a replayed message starts afresh.</summary>
    private static readonly string[] FaultHeaders = ["MT-Fault-", "MT-Reason", "MT-Host-"];

    private async Task<(IConnection, IChannel)> OpenAsync()
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return (connection, channel);
    }

    /// <summary>How many messages wait in <paramref name="queue"/>; 0 when it does not exist (yet).</summary>
    public async Task<uint> CountAsync(string queue)
    {
        var (connection, channel) = await OpenAsync();
        await using var _ = connection;
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
        finally
        {
            if (channel.IsOpen) await channel.CloseAsync();
        }
    }

    /// <summary>
    /// A worker registration, as MassTransit would carry it, without the headers every
    /// relayed event has: the event log cannot log it, however often it tries.
    /// </summary>
    public async Task PublishPoisonAsync(string queue, Guid messageId)
    {
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId, messageType = new[] { "urn:message:coordination.worker-registry.worker-registered.v1" },
            sentTime = DateTimeOffset.UtcNow, headers = new { },
            message = new
            {
                workerId = Guid.NewGuid(), fullName = "Racun Buatan", birthDate = "2000-01-01",
                originRegion = "53.01.06", recordedBy = "faults", recordedAt = DateTimeOffset.UtcNow,
            },
        });
        var (connection, channel) = await OpenAsync();
        await using var _ = connection;
        await channel.BasicPublishAsync("", queue, mandatory: true,
            new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true },
            envelope);
        await channel.CloseAsync();
    }

    /// <summary>
    /// Moves the messages that are in <c>&lt;queue&gt;_error</c> now back to <paramref name="queue"/>,
    /// each acknowledged only after the broker confirmed its copy: a crash in between repeats
    /// one, which the consumers' inbox ignores. One that fails again returns to the error queue
    /// and waits for the next replay.
    /// </summary>
    /// <returns>how many were moved.</returns>
    public async Task<int> ReplayErrorsAsync(string queue)
    {
        var errors = queue + "_error";
        var (connection, channel) = await OpenAsync();
        await using var _ = connection;
        var waiting = (await channel.QueueDeclarePassiveAsync(errors)).MessageCount;
        var moved = 0;
        for (; moved < waiting; moved++)
        {
            if (await channel.BasicGetAsync(errors, autoAck: false) is not { } message) break;
            var properties = new BasicProperties(message.BasicProperties) { Persistent = true };
            if (properties.Headers is { } headers)
                foreach (var name in headers.Keys.Where(k => FaultHeaders.Any(k.StartsWith)).ToList()) headers.Remove(name);
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
        }
        await channel.CloseAsync();
        return moved;
    }
}
