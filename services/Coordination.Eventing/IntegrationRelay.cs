using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Coordination.Contracts;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using RabbitMQ.Client;

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
/// after a page was processed, and a page is processed only when the broker confirmed each
/// of its publishes, so a crash loses nothing and may repeat (consumers dedupe by message id,
/// which is the stored event's id).
/// </summary>
/// <remarks>
/// A page's publishes are in flight together (one confirm each would cap a service at a few
/// hundred events a second), yet they reach the broker in the store's order, across all of the
/// service's streams: the broker keeps the order of one channel, and each publish starts only
/// once the one before it has taken its place on the channel (<see cref="ChannelPlaces"/>).
/// Started side by side they could overtake each other in MassTransit, before the channel (the
/// send endpoint and topology of a message type on first use, a channel being opened).
/// </remarks>
public sealed class IntegrationRelay(IBus bus, IIntegrationEventMap map) : SubscriptionBase
{
    public const string SubscriptionName = "integration-relay";
    private static readonly ActivitySource Telemetry = new("Coordination");

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // The first publish that fails stops the rest: whatever of the page then reaches the
        // broker only precedes the page's retry, which republishes all of it in order.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = new List<Task>(page.Events.Count);
        foreach (var stored in page.Events)
        {
            if (failed.IsCancellationRequested) break;
            if (map.Map(stored) is not { } publication) continue;
            var placed = ChannelPlaces.Expect(stored.Id);
            var published = Publish(stored, publication, failed);
            publishing.Add(published);
            // A publish that ended without taking a place (it failed first) releases the next too.
            await Task.WhenAny(placed.Task, published);
            ChannelPlaces.Forget(stored.Id, placed);
        }
        await Task.WhenAll(publishing);
        return NullChangeListener.Instance;
    }

    private async Task Publish(IEvent stored, Publication publication, CancellationTokenSource failed)
    {
        using var activity = StartActivity(stored);
        try
        {
            await bus.Publish(publication.Message, publication.Message.GetType(), context =>
            {
                context.MessageId = stored.Id;
                context.Headers.Set(IntegrationHeaders.Subject, publication.Subject);
                context.Headers.Set(IntegrationHeaders.Province, publication.Province);
                context.Headers.Set(IntegrationHeaders.Sequence, stored.Version.ToString(CultureInfo.InvariantCulture));
                context.Headers.Set(IntegrationHeaders.Time, stored.Timestamp.ToString("O", CultureInfo.InvariantCulture));
            }, failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
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

    /// <summary>
    /// Tells when a message has its place on its RabbitMQ channel. RabbitMQ.Client holds a
    /// channel's publish lock from giving a message its publish sequence number (the broker's
    /// confirms count in the order messages arrive, so the numbers must be the order on the
    /// wire) until the message's frames are queued for the socket, and starts and stops its
    /// publish activity inside that lock; what is published on the channel after the stop goes
    /// behind it. The broker's confirm is awaited after the lock, so many are in flight at once.
    /// </summary>
    private static class ChannelPlaces
    {
        /// <summary>RabbitMQ.Client's tag for the message id (OpenTelemetry's messaging conventions).</summary>
        private const string MessageIdTag = "messaging.message.id";

        private static readonly ConcurrentDictionary<string, TaskCompletionSource> Expected = new();

        // Listening makes RabbitMQ.Client start its publish activities; recorded only where
        // the trace they belong to is, so that tracing decides what it decided before.
        private static readonly ActivityListener Listener = Listen();

        public static TaskCompletionSource Expect(Guid messageId)
        {
            GC.KeepAlive(Listener);
            // Another relay of the same events (a standby taking over) waits on the same place.
            return Expected.GetOrAdd(messageId.ToString(), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        public static void Forget(Guid messageId, TaskCompletionSource placed) =>
            Expected.TryRemove(new KeyValuePair<string, TaskCompletionSource>(messageId.ToString(), placed));

        private static ActivityListener Listen()
        {
            var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == RabbitMQActivitySource.PublisherSourceName,
                Sample = static (ref ActivityCreationOptions<ActivityContext> options) =>
                    options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                        ? ActivitySamplingResult.AllDataAndRecorded
                        : ActivitySamplingResult.AllData,
                ActivityStopped = static activity =>
                {
                    if (activity.GetTagItem(MessageIdTag) is string id && Expected.TryGetValue(id, out var placed))
                        placed.TrySetResult();
                },
            };
            ActivitySource.AddActivityListener(listener);
            return listener;
        }
    }
}
