using Marten;
using Marten.Services;

namespace Coordination.Eventing;

/// <summary>
/// Gives each event a time-ordered id (UUID version 7) as it is saved, in place of a random one.
/// The relay publishes an event with its id as message id, and every consumer keys its inbox
/// record by it (<see cref="HandledMessage.IdOf"/>): with random ids each record went to a random
/// page of that ever-growing index, the inbox's insert and lookup about a third of a consuming
/// service's database time under the bench; ordered, they go where the last ones went.
/// </summary>
internal sealed class TimeOrderedEventIds : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams())
            foreach (var e in stream.Events) e.Id = Guid.CreateVersion7();
        return Task.CompletedTask;
    }
}
