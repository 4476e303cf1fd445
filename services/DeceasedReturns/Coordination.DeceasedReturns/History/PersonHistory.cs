using Coordination.Contracts;
using Coordination.Contracts.Interceptions;
using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Marten;
using MassTransit;

namespace Coordination.DeceasedReturns.History;

/// <summary>
/// A registered worker's origin, as the registry publishes it: a death reported by registry id
/// takes the origin from here. This service's own copy: it never reads the registry's schema.
/// </summary>
public sealed record KnownWorker(Guid Id, string OriginRegion);

/// <summary>A record merged into another: its earlier steps are the survivor's.</summary>
public sealed record MergedWorker(Guid Id, Guid SurvivorId);

/// <summary>
/// One earlier step of a person's journey, from another service's event: stopped while leaving
/// (intercepted), brought home after an interception (returned-home), a procedural departure
/// (departed) or return (returned). One document per step, so that steps arriving together never
/// overwrite each other.
/// </summary>
/// <param name="Reference">the interception, handover or placement company it concerns.</param>
public sealed record PastStep(string Id, Guid WorkerId, string Kind, DateOnly On, string? Place, string? Country, Guid? Reference, string By);

public static class PersonHistory
{
    public const string Queue = "deceased-returns";

    public static void AddPersonHistory(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<WorkerRegisteredConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerRecordCorrectedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkersMergedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<InterceptionRecordedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverArrivalConfirmedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerDepartedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerReturnedConsumer>().Endpoint(e => e.Name = Queue);
    }

    /// <summary>Stages <paramref name="store"/>'s documents once per message (the inbox).</summary>
    public static Task Keep<T>(this ConsumeContext<T> context, IDocumentSession session, TimeProvider clock, Func<T, IEnumerable<object>> store)
        where T : class =>
        context.HandleOnceAsync(session, Queue, clock.GetUtcNow(), s =>
        {
            foreach (var document in store(context.Message)) s.Store(document);
            return Task.CompletedTask;
        });

    public static PastStep Step(string kind, Guid worker, Guid reference, DateOnly on, string? place, string? country, string by) =>
        new($"{kind}/{reference}/{worker}", worker, kind, on, place, country, reference, by);

    /// <summary>The person's earlier steps, with those of records merged into theirs, in the order they happened.</summary>
    public static async Task<IReadOnlyList<PastStep>> Of(IQuerySession session, Guid worker, CancellationToken ct)
    {
        var merged = await session.Query<MergedWorker>().Where(m => m.SurvivorId == worker).Select(m => m.Id).ToListAsync(ct);
        Guid[] ids = [worker, .. merged];
        var steps = await session.Query<PastStep>().Where(s => ids.Contains(s.WorkerId)).ToListAsync(ct);
        return [.. steps.OrderBy(s => s.On).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public static async Task<string?> OriginOf(IQuerySession session, Guid worker, CancellationToken ct) =>
        (await session.LoadAsync<KnownWorker>(worker, ct))?.OriginRegion;
}

public sealed class WorkerRegisteredConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRegistered>
{
    public Task Consume(ConsumeContext<WorkerRegistered> context) =>
        context.Keep(session, clock, m => [new KnownWorker(m.WorkerId, m.OriginRegion)]);
}

public sealed class WorkerRecordCorrectedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRecordCorrected>
{
    public Task Consume(ConsumeContext<WorkerRecordCorrected> context) => context.Keep(session, clock, m =>
        m.NewValues.TryGetValue("originRegion", out var origin) && origin is not null ? [new KnownWorker(m.WorkerId, origin)] : []);
}

public sealed class WorkersMergedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkersMerged>
{
    public Task Consume(ConsumeContext<WorkersMerged> context) =>
        context.Keep(session, clock, m => [new MergedWorker(m.DuplicateId, m.SurvivorId)]);
}

public sealed class InterceptionRecordedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<InterceptionRecorded>
{
    public Task Consume(ConsumeContext<InterceptionRecorded> context) => context.Keep(session, clock, m => m.People.Select(p =>
        PersonHistory.Step("intercepted", p.WorkerId, m.InterceptionId, Wita.DayOf(m.InterceptedAt), m.ExitPoint, m.DestinationCountry, m.RecordedBy)));
}

public sealed class HandoverArrivalConfirmedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverArrivalConfirmed>
{
    public Task Consume(ConsumeContext<HandoverArrivalConfirmed> context) => context.Keep(session, clock, m => m.People.Select(p =>
        PersonHistory.Step("returned-home", p, m.HandoverId, Wita.DayOf(m.ArrivedAt), m.ArrivalPoint, null, m.ConfirmedBy)));
}

public sealed class WorkerDepartedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerDeparted>
{
    public Task Consume(ConsumeContext<WorkerDeparted> context) => context.Keep(session, clock, m =>
        [PersonHistory.Step("departed", m.WorkerId, m.CompanyId, m.DepartedOn, null, m.DestinationCountry, m.RecordedBy)]);
}

public sealed class WorkerReturnedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerReturned>
{
    public Task Consume(ConsumeContext<WorkerReturned> context) => context.Keep(session, clock, m =>
        [PersonHistory.Step("returned", m.WorkerId, context.MessageId ?? Guid.Empty, m.ReturnedOn, null, null, m.RecordedBy)]);
}
