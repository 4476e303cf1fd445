using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Coordination.Contracts;
using MassTransit;

namespace Coordination.EventLog.Log;

/// <summary>Stores every integration event of type <typeparamref name="T"/> in the log, once.</summary>
/// <remarks>
/// Many at a time (the endpoint's limit): <see cref="LogAppender"/> appends them in groups, in
/// the order the broker delivered them, and answers each once it is committed.
/// </remarks>
public sealed class LogConsumer<T>(LogAppender appender) : IConsumer<T> where T : class
{
    private static readonly string Type = IntegrationEvents.CloudEventType(typeof(T));
    private static readonly string Source = IntegrationEvents.Source(typeof(T));
    private static readonly string Classification = IntegrationEvents.Classification(typeof(T)).ToString().ToLowerInvariant();

    public async Task Consume(ConsumeContext<T> context)
    {
        var id = context.MessageId ?? throw new InvalidOperationException("An integration event without a message id.");
        var record = new LogRecord(id, Type, Source,
            Header(context, IntegrationHeaders.Subject),
            Header(context, IntegrationHeaders.Province),
            Header(context, IntegrationHeaders.Sequence),
            DateTimeOffset.Parse(Header(context, IntegrationHeaders.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Activity.Current?.Id,
            Classification,
            JsonSerializer.Serialize(context.Message, ContractJson.Options));
        var delivery = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit)
            ? new Delivery(rabbit.ConsumerTag, rabbit.DeliveryTag)
            : (Delivery?)null;
        await appender.AppendAsync(record, delivery, context.CancellationToken);
    }

    private static string Header(ConsumeContext context, string name) =>
        context.Headers.Get<string>(name) ?? throw new InvalidOperationException($"An integration event without the {name} header.");
}
