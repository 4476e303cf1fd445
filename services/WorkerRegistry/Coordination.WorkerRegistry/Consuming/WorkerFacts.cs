using Coordination.Contracts;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Merging;
using Coordination.WorkerRegistry.Workers.Registering;
using JasperFx.Events;
using Marten;

namespace Coordination.WorkerRegistry.Consuming;

/// <summary>
/// Files what other services learnt about people on their records, in one session that the
/// inbox saves with its record of the message: all of it or nothing.
/// </summary>
public sealed class WorkerFacts(IDocumentSession session, DateTimeOffset now, CancellationToken ct)
{
    private readonly Dictionary<Guid, IEventStream<Worker>> _streams = [];

    public DateTimeOffset Now => now;
    private readonly Dictionary<Guid, Worker?> _states = [];

    /// <summary>
    /// The record a fact about <paramref name="person"/> belongs on: theirs, or the one it was
    /// merged into; a new one (registered from the event's details) when the registry does
    /// not know them, merged at once into the holder of their NIK if someone holds it.
    /// </summary>
    public async Task<Guid> Resolve(PersonReference person, RecordSource source, string recordedBy)
    {
        var id = person.WorkerId;
        while (await Current(id) is { MergedInto: { } survivor }) id = survivor;
        if (await Current(id) is not null) return id;
        // Nothing can be filed, and waiting will not help: let it go to the error queue for an operator.
        if (person.Details is not { } d)
            throw new InvalidOperationException($"Worker {id} is not in the registry and the event brings no details to register them.");

        if (!RegionCode.TryParse(d.OriginRegion, out var origin))
            throw new InvalidOperationException($"Worker {id}: origin region {d.OriginRegion} is not a region code.");
        // A NIK that breaks the rules is left out: the person is registered unverified rather than not at all.
        Nik? nik = Nik.TryParse(d.Nik, out var n) && IdentityRules.Check(n, d.Sex, d.BirthDate, origin, now) is null ? n : null;
        var holder = nik is { } held ? await session.HolderOf(held, ct) : null;

        var register = new RegisterWorker(id, holder is null ? nik : null, d.FullName, d.Sex, d.BirthDate, origin, null, null,
            source, recordedBy, now);
        Append(id, RegisterWorkerDecision.Decide(register, null));
        if (holder is not { } existing) return id;

        var merge = new MergeWorkers(existing, id, $"Same NIK as the registered worker ({source})", recordedBy, now);
        var decision = MergeWorkersDecision.Decide(merge, await Current(existing), await Current(id));
        if (decision.Error is { } refused)
            throw new InvalidOperationException($"Worker {id} cannot be merged into {existing}, which holds their NIK: {refused.Detail}");
        foreach (var e in decision.Events) Append(MergeWorkersDecision.StreamOf(e), e);
        return existing;
    }

    public void Append(Guid id, object @event)
    {
        _streams[id].AppendOne(@event);
        _states[id] = WorkerEvolution.Evolve(_states[id], @event);
    }

    private void Append(Guid id, Eventing.Decision decision)
    {
        // Waiting will not make the details valid: to the error queue, for an operator to see.
        if (decision.Error is { } error)
            throw new InvalidOperationException($"Worker {id} cannot be registered from the event: {error.Detail}");
        foreach (var e in decision.Events) Append(id, e);
    }

    private async Task<Worker?> Current(Guid id)
    {
        if (_states.TryGetValue(id, out var state)) return state;
        var stream = await session.Events.FetchForWriting<Worker>(id, ct);
        _streams[id] = stream;
        return _states[id] = stream.Aggregate;
    }
}
