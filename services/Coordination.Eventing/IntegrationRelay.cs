using System.Diagnostics;
using System.Globalization;
using Coordination.Contracts;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;

namespace Coordination.Eventing;

/// <summary>
/// Maps a stored domain event to the integration event it publishes, if any. Pure: the
/// service's Publishing/ folder implements it.
/// </summary>
public interface IIntegrationEventMap
{
    Publication? Map(IEvent stored);
}

/// <param name="Message">a contract record from Coordination.Contracts.</param>
/// <param name="Subject"><c>&lt;aggregate&gt;/&lt;id&gt;</c>.</param>
/// <param name="Province">the province whose data it is.</param>
public sealed record Publication(object Message, string Subject, string Province);

/// <summary>
/// Publishes stored events to RabbitMQ. Run by Marten's async daemon as a subscription:
/// the event store is the outbox. The daemon advances the subscription's progress only
/// after a page was processed, and each publish completes only when the broker confirmed
/// it, so a crash loses nothing and may repeat (consumers dedupe by message id, which is
/// the stored event's id).
/// </summary>
public sealed class IntegrationRelay(IBus bus, IIntegrationEventMap map) : SubscriptionBase
{
    public const string SubscriptionName = "integration-relay";
    private static readonly ActivitySource Telemetry = new("Coordination");

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var stored in page.Events)
        {
            if (map.Map(stored) is not { } publication) continue;
            using var activity = StartActivity(stored);
            await bus.Publish(publication.Message, publication.Message.GetType(), context =>
            {
                context.MessageId = stored.Id;
                context.Headers.Set(IntegrationHeaders.Subject, publication.Subject);
                context.Headers.Set(IntegrationHeaders.Province, publication.Province);
                context.Headers.Set(IntegrationHeaders.Sequence, stored.Version.ToString(CultureInfo.InvariantCulture));
                context.Headers.Set(IntegrationHeaders.Time, stored.Timestamp.ToString("O", CultureInfo.InvariantCulture));
            }, cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    /// <summary>Continues the trace of the request that stored the event.</summary>
    private static Activity? StartActivity(IEvent stored)
    {
        var parent = stored.Headers?.TryGetValue(EventHeaders.TraceParent, out var value) == true
                     && ActivityContext.TryParse(value?.ToString(), null, out var context)
            ? context
            : default;
        return Telemetry.StartActivity("relay " + stored.EventTypeName, ActivityKind.Producer, parent);
    }
}
