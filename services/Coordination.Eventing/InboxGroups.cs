using Marten;
using Microsoft.Extensions.Logging;

namespace Coordination.Eventing;

/// <summary>
/// Group commit for a service's inbox: the messages of one type its consumers are handling at
/// once are handled in one session and committed in one transaction, with one lookup of their inbox
/// records, instead of a lookup and a transaction each (on a saturated stack each consumed
/// message was its own commit: about 2.5 a write). Each delivery is answered only after the
/// commit that holds its effects, so its message is acknowledged only then. Whatever came in
/// while a group ran makes the next group; a message that finds the inbox idle is handled at
/// once, a group of one.
/// </summary>
/// <remarks>
/// Handlers in a group run one after the other in arrival order, on an identity-map session:
/// a document one handler stored is what the next one loads by id (a LINQ query reads only
/// what is committed). Each message type of a group is its own transaction. Should anything in
/// one fail (a handler throws, as one that overtook the message it depends on does, or the commit
/// is refused), nothing of it is kept; where what it may depend on was not yet committed when it
/// failed, it is tried once more when that is, and should it fail again each of its messages is
/// handled on its own, as <see cref="Inbox.HandleOnceAsync(IDocumentSession, string, Guid, DateTimeOffset, Func{IDocumentSession, Task}, CancellationToken)"/>
/// does, so that a failure stays that message's own (retried, then to the error queue).
/// </remarks>
internal sealed class InboxGroups(IDocumentStore store, ILogger<InboxGroups> logger) : GroupCommit<InboxGroups.Delivery>
{
    internal sealed record Delivery(
        IDocumentSession Own, string Consumer, Guid MessageId, DateTimeOffset Now, Func<IDocumentSession, Task> Handle,
        CancellationToken Ct, TaskCompletionSource<bool> Done)
    {
        public string Id => HandledMessage.IdOf(Consumer, MessageId);
    }

    /// <param name="own">the consumer's own session, for handling the message alone.</param>
    /// <returns>false when the message had already been handled.</returns>
    public Task<bool> HandleOnceAsync(IDocumentSession own, string consumer, Guid messageId, DateTimeOffset now,
        Func<IDocumentSession, Task> handle, CancellationToken ct)
    {
        var delivery = new Delivery(own, consumer, messageId, now, handle, ct, new(TaskCreationOptions.RunContinuationsAsynchronously));
        Add(delivery);
        return delivery.Done.Task;
    }

    protected override async Task CommitGroup(List<Delivery> group, Task earlier)
    {
        // One consumer (message type) a transaction, in the order each first came: a handler may
        // rely on another type's effects being committed, and a LINQ query sees nothing staged
        // (a shelter stay opened on interception, closed on local employment, in one group, was
        // not found to be closed).
        var parts = group.GroupBy(d => d.Consumer, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var failed = new List<(int Part, bool EarlierOpen)>();
        var lastCommitted = -1;
        for (var i = 0; i < parts.Count; i++)
            if (await Together(parts[i])) lastCommitted = i;
            else failed.Add((i, !earlier.IsCompleted));
        if (failed.Count == 0) return;
        // Most often a message that overtook one it depends on (a handover request ahead of its
        // interception): in a later part of this group, or in the group the other committer still
        // handled. Once those are committed, such a part is tried together once more; otherwise,
        // or should it fail again, each message alone, its failure its own (retried, then the error
        // queue). Going alone at once cost a group's worth of transactions, and a retry, for every
        // such overtaking.
        await earlier;
        foreach (var (part, earlierOpen) in failed)
        {
            var worthAgain = parts[part].Count > 1 && (earlierOpen || lastCommitted > part);
            if (!worthAgain || !await Together(parts[part])) await Task.WhenAll(parts[part].Select(Alone));
        }
    }

    private static async Task Alone(Delivery d)
    {
        try
        {
            d.Done.TrySetResult(await d.Own.HandleOnceAsync(d.Consumer, d.MessageId, d.Now, d.Handle, d.Ct));
        }
        catch (Exception e)
        {
            d.Done.TrySetException(e);
        }
    }

    /// <returns>false when the group failed and nothing of it was kept.</returns>
    private async Task<bool> Together(List<Delivery> group)
    {
        var handled = new bool[group.Count];
        try
        {
            await using var session = store.IdentitySession();
            var ids = group.Select(d => d.Id).ToArray();
            // Handled before, or a second delivery of one message within this group.
            var seen = (await session.LoadManyAsync<HandledMessage>(ids)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            var records = new List<HandledMessage>(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                var d = group[i];
                if (!seen.Add(d.Id)) continue;
                await d.Handle(session);
                records.Add(new HandledMessage(d.Id, d.Consumer, d.MessageId, d.Now));
                handled[i] = true;
            }
            InsertAll(session, records);
            await session.SaveChangesAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A group of {Count} messages failed and kept nothing.", group.Count);
            return false;
        }
        for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(handled[i]);
        return true;
    }

    /// <summary>
    /// The group's inbox records in one statement rather than one each (a third of a consuming
    /// service's statements). A plain insert: a record that another delivery of the same message
    /// committed meanwhile fails the group, which is then handled again (its lookup skips that message).
    /// </summary>
    private void InsertAll(IDocumentSession session, List<HandledMessage> records)
    {
        if (records.Count == 0) return;
        var serializer = store.Options.Serializer();
        session.QueueSqlCommand(_insertRecords,
            records.Select(r => r.Id).ToArray(), records.Select(r => serializer.ToJson(r)).ToArray());
    }

    private readonly string _insertRecords =
        $"insert into {store.Options.FindOrResolveDocumentType(typeof(HandledMessage)).TableName.QualifiedName} " +
        $"(id, data, mt_dotnet_type) select id, data, '{typeof(HandledMessage).FullName}' from unnest(?::varchar[], ?::jsonb[]) as r(id, data)";
}
