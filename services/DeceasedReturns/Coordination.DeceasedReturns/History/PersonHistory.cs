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

    /// <summary>A step, keyed by what it concerns (else its day), so that a republished event stores the same document.</summary>
    public static PastStep Step(string kind, Guid worker, Guid? reference, DateOnly on, string? place, string? country, string by) =>
        new($"{kind}/{reference?.ToString() ?? on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}/{worker}",
            worker, kind, on, place, country, reference, by);

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
