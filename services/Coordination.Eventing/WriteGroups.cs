using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Logging;

namespace Coordination.Eventing;

/// <summary>
/// Group commit for a service's writes: the commands that arrive while others are being
/// written are fetched in one batch, decided one after another and appended in one
/// transaction, instead of a transaction each. Each request is answered only after the commit
/// that holds its events. A write that finds no other in flight is written at once, alone.
/// </summary>
/// <remarks>
/// Should the database refuse a group (a concurrent change to one of its streams, a unique value
/// taken), nothing of it is kept and each of its requests writes again alone, fetching and
/// deciding anew, so that the refusal is that request's own and answered as before; should its
/// commit have failed in a way that leaves unknown whether it happened, each request fails
/// instead, so that none is applied twice. A stream twice in a group is not in the same
/// transaction twice: the later write goes in a later round.
/// </remarks>
internal sealed class WriteGroups(IDocumentStore store, ILogger<WriteGroups> logger) : GroupCommit<IGroupedWrite>
{
    private int _inFlight;

    /// <param name="own">the request's session, for writing alone.</param>
    internal async Task<WriteOutcome<TState>> Write<TState>(StreamWrite<TState> write, IDocumentSession own, CancellationToken ct)
        where TState : class
    {
        var others = Interlocked.Increment(ref _inFlight) > 1;
        try
        {
            // A request that staged changes of its own needs its own session to save them.
            if (others && write.Groupable && !own.PendingChanges.Operations().Any() && !own.PendingChanges.Streams().Any())
            {
                Add(write);
                if (await write.Done.Task is { } together) return together;
            }
            return await write.Alone(own, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    protected override async Task CommitGroup(List<IGroupedWrite> group, Task earlier)
    {
        foreach (var round in Rounds(group))
            if (round.Count == 1 || !await Together(round))
                foreach (var write in round) write.NotTogether();
    }

    /// <summary>The group in rounds, in arrival order, none with a stream twice.</summary>
    internal static IEnumerable<List<IGroupedWrite>> Rounds(List<IGroupedWrite> group)
    {
        while (group.Count > 0)
        {
            var streams = new HashSet<Guid>();
            var round = group.Where(w => streams.Add(w.StreamId)).ToList();
            yield return round;
            group = group.Except(round).ToList();
        }
    }

    /// <returns>false when the group failed and nothing of it was kept.</returns>
    internal async Task<bool> Together(List<IGroupedWrite> round)
    {
        var (committing, saved) = (false, false);
        try
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            foreach (var write in round) write.Fetch(batch);
            await batch.Execute();
            foreach (var write in round) await write.Stage(session);
            committing = true;
            await session.SaveChangesAsync();
            saved = true;
        }
        catch (Exception e) when (!committing || RolledBack(e))
        {
            logger.LogDebug(e, "A group of {Count} writes failed; each is written on its own.", round.Count);
            return false;
        }
        catch (Exception e) when (!saved)
        {
            // The commit may have happened (the connection lost during it): written again, the
            // group's writes could be applied twice, so each request fails as a lone write would.
            logger.LogWarning(e, "A group of {Count} writes may or may not have been committed.", round.Count);
            foreach (var write in round) write.Failed(e);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A group of {Count} writes was committed; closing its session failed.", round.Count);
        }
        foreach (var write in round) write.Committed();
        return true;
    }

    /// <summary>Refused before or by the database, so nothing of the transaction was kept.</summary>
    private static bool RolledBack(Exception e) => e switch
    {
        // Marten gathers the refusals of a batch's several statements (a value taken twice).
        AggregateException all => all.InnerExceptions.All(RolledBack),
        Npgsql.PostgresException or JasperFx.DocumentAlreadyExistsException => true,
        _ when StreamWrites.IsConcurrentChange(e) => true,
        _ => e.InnerException is { } inner && RolledBack(inner),
    };
}

/// <summary>A write as <see cref="WriteGroups"/> handles it in a group.</summary>
internal interface IGroupedWrite
{
    /// <summary>A grouped write's one stream (<see cref="StreamWrite{TState}.Groupable"/>).</summary>
    Guid StreamId { get; }
    void Fetch(IBatchedQuery batch);
    Task Stage(IDocumentSession session);
    void Committed();
    void NotTogether();
    void Failed(Exception e);
}
