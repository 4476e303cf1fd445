using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace Coordination.Eventing;

/// <summary>
/// One command's write, as <see cref="StreamWrites"/> runs it: fetch the streams for writing,
/// pure decide, append. In a session of its own (<see cref="Alone"/>), or staged with others'
/// in one (<see cref="WriteGroups"/>).
/// </summary>
/// <param name="starts">
/// the stream is new (its id made for this command): nothing is fetched, the decision is made on
/// no state, and the stream is started; should it exist after all, the commit is refused.
/// </param>
internal sealed class StreamWrite<TState>(
    Guid streamId, long? expected, IReadOnlyList<Guid> others, Func<TState?, IReadOnlyList<TState?>, Decision> decide,
    Func<object, Guid> streamOf, string? traceParent, bool starts = false) : IGroupedWrite
    where TState : class
{
    private Task<IEventStream<TState>>? _fetched;
    private WriteOutcome<TState>? _outcome;

    /// <summary>
    /// Only a write to one stream with no expected version shares a transaction: its fetch can
    /// join a batch, and a clash with another write leaves it free to be decided again.
    /// </summary>
    public bool Groupable => expected is null && others.Count == 0;

    public Guid StreamId => streamId;

    public readonly TaskCompletionSource<WriteOutcome<TState>?> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<WriteOutcome<TState>> Alone(IDocumentSession session, CancellationToken ct)
    {
        var stream = starts ? null : expected.HasValue
            ? await session.Events.FetchForWriting<TState>(streamId, expected.Value, ct)
            : await session.Events.FetchForWriting<TState>(streamId, ct);
        var otherStreams = new List<IEventStream<TState>>(others.Count);
        foreach (var other in others) otherStreams.Add(await session.Events.FetchForWriting<TState>(other, ct));

        var outcome = Stage(session, stream, otherStreams);
        if (outcome.Error is null) await session.SaveChangesAsync(ct);
        return outcome;
    }

    public void Fetch(IBatchedQuery batch)
    {
        if (!starts) _fetched = batch.Events.FetchForWriting<TState>(streamId);
    }

    public async Task Stage(IDocumentSession session) => _outcome = Stage(session, _fetched is null ? null : await _fetched, []);

    public void Committed() => Done.TrySetResult(_outcome);

    /// <summary>Not written together: the request writes alone.</summary>
    public void NotTogether() => Done.TrySetResult(null);

    public void Failed(Exception e) => Done.TrySetException(e);

    /// <param name="stream">null when the write starts it.</param>
    private WriteOutcome<TState> Stage(IDocumentSession session, IEventStream<TState>? stream, IReadOnlyList<IEventStream<TState>> otherStreams)
    {
        var decision = decide(stream?.Aggregate, otherStreams.Select(s => s.Aggregate).ToArray());
        if (decision.Error is { } error) return new(null, error);

        var own = new List<IEvent>();
        foreach (var data in decision.Events)
        {
            var e = session.Events.BuildEvent(data);
            if (traceParent is not null) e.SetHeader(EventHeaders.TraceParent, traceParent);
            var target = streamOf(data);
            if (target == streamId) own.Add(e);
            else otherStreams.Single(s => s.Id == target).AppendOne(e);
        }
        if (stream is not null) foreach (var e in own) stream.AppendOne(e);
        // Marten refuses to start a stream with no events: a decision that appends nothing starts nothing.
        else if (own.Count > 0) session.Events.StartStream<TState>(streamId, own);
        return new(new Written<TState>(stream?.Aggregate, [.. own.Select(e => e.Data)], (stream?.StartingVersion ?? 0) + own.Count), null);
    }
}
