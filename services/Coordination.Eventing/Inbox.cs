using JasperFx;
using Marten;
using MassTransit;

namespace Coordination.Eventing;

/// <summary>
/// That <see cref="Consumer"/> handled a message (by its id, the source's stored event id).
/// Saved in the same transaction as what handling it changed.
/// </summary>
public sealed record HandledMessage(string Id, string Consumer, Guid MessageId, DateTimeOffset HandledAt)
{
    public static string IdOf(string consumer, Guid messageId) => $"{consumer}/{messageId}";
}

/// <summary>The idempotent-consumer inbox: a redelivered or republished message changes nothing.</summary>
public static class Inbox
{
    /// <summary>
    /// Lets <paramref name="handle"/> stage its changes in <paramref name="session"/> and saves
    /// them together with the record that <paramref name="consumer"/> handled
    /// <paramref name="messageId"/>, unless it already had, in which case nothing is saved.
    /// When two deliveries race, the second's save fails on the record and its changes roll back.
    /// </summary>
    /// <returns>false when the message had already been handled.</returns>
    public static async Task<bool> HandleOnceAsync(
        this IDocumentSession session, string consumer, Guid messageId, DateTimeOffset now,
        Func<IDocumentSession, Task> handle, CancellationToken ct)
    {
        var id = HandledMessage.IdOf(consumer, messageId);
        if (await session.LoadAsync<HandledMessage>(id, ct) is not null) return false;

        await handle(session);
        session.Insert(new HandledMessage(id, consumer, messageId, now));
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        // Only the inbox record's own clash means "already handled": any other (a unique value
        // taken meanwhile) must fail the delivery, so that it is retried, not dropped.
        catch (DocumentAlreadyExistsException e) when (e.DocumentType == typeof(HandledMessage))
        {
            return false;
        }
    }

    /// <summary>
    /// A consumer's use of the inbox: the consumer is named <c>&lt;queue&gt;/&lt;message type&gt;</c>,
    /// the message by the id the relay gave it (its stored event's id). Handled together with
    /// the service's other messages in flight (<see cref="InboxGroups"/>): <paramref name="handle"/>
    /// must stage its changes in the session it is given, not in <paramref name="session"/>.
    /// </summary>
    public static Task<bool> HandleOnceAsync<T>(this ConsumeContext<T> context, IDocumentSession session, string queue,
        DateTimeOffset now, Func<IDocumentSession, Task> handle) where T : class =>
        context.GetServiceOrCreateInstance<InboxGroups>().HandleOnceAsync(session, $"{queue}/{typeof(T).Name}",
            context.MessageId ?? throw new InvalidOperationException("An integration event carries its stored event's id."),
            now, handle, context.CancellationToken);
}
