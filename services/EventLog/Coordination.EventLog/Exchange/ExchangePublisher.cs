using Coordination.EventLog.Access;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;

namespace Coordination.EventLog.Exchange;

public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>The durable topic exchange integrators bind their queues to.</summary>
    public string Name { get; set; } = "coordination.events";
}

/// <summary>
/// Republishes every entry to the integrators' topic exchange in structured CloudEvents JSON,
/// with routing key <c>&lt;province&gt;.&lt;service&gt;.&lt;event&gt;</c> and the CloudEvent id as
/// message id, each confirmed by the broker before the cursor moves (at least once: a consumer
/// drops repeats by id). The exchange is shared by all integrators, so it carries what any of
/// them may see: personal fields are always redacted there; which provinces and events an
/// integrator receives is what its RabbitMQ user may bind (README, "integrators on RabbitMQ").
/// </summary>
public sealed class ExchangePublisher(
    NpgsqlDataSource dataSource, LogStore store, LogAppended appended, Disclosures disclosures, IConfiguration configuration,
    IOptions<ExchangeOptions> options, ILogger<ExchangePublisher> logger)
    : LogFollower(dataSource, store, appended, logger)
{
    private IConnection? _connection;
    private IChannel? _channel;

    protected override string Name => "exchange";

    /// <summary>Who received entries on the exchange, as the disclosures name it.</summary>
    public Reader Reader => new($"exchange:{options.Value.Name}", null, null, null, PersonalData: false);

    /// <summary><c>&lt;province&gt;.&lt;service&gt;.&lt;event&gt;</c>; <c>all</c> for an entry of the whole agreement (no one province).</summary>
    public static string RoutingKey(LogRecord r)
    {
        var type = r.Type.Split('.');
        return $"{(r.Province.Length == 0 ? AllProvinces : r.Province)}.{type[1]}.{type[2]}";
    }

    public const string AllProvinces = "all";

    protected override async Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken ct)
    {
        var channel = await Channel(ct);
        await disclosures.RecordAsync(Reader, Channels.Exchange, entries, ct);
        try
        {
            foreach (var entry in entries)
            {
                var properties = new BasicProperties
                {
                    ContentType = LogCloudEvents.ContentType,
                    MessageId = entry.Record.Id.ToString(),
                    Type = entry.Record.Type,
                    DeliveryMode = DeliveryModes.Persistent,
                    Timestamp = new AmqpTimestamp(entry.RecordedAt.ToUnixTimeSeconds()),
                };
                // With confirmation tracking on, this returns once the broker confirmed (or throws).
                await channel.BasicPublishAsync(options.Value.Name, RoutingKey(entry.Record), mandatory: false, properties,
                    LogCloudEvents.Structured(entry, personalData: false), ct);
            }
        }
        catch
        {
            await Reset();
            throw;
        }
    }

    private async Task<IChannel> Channel(CancellationToken ct)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await Reset();
        var broker = configuration.GetConnectionString("RabbitMq") ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not set.");
        _connection = await new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = "event-log exchange" }.CreateConnectionAsync(ct);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct);
        await _channel.ExchangeDeclareAsync(options.Value.Name, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        return _channel;
    }

    private async Task Reset()
    {
        if (_channel is not null) await _channel.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        (_channel, _connection) = (null, null);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Reset();
    }
}
