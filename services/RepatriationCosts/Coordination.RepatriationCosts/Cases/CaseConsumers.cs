using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.Contracts.Interceptions;
using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Coordination.RepatriationCosts.ShelterStays;
using Marten;
using MassTransit;

namespace Coordination.RepatriationCosts.Cases;

// The cases costs are posted against, kept from the interceptions', registry's and
// deceased-returns' published events, once per message (the inbox).

public sealed class InterceptionRecordedConsumer(IDocumentSession session, TimeProvider clock, ShelterTariffs tariffs)
    : IConsumer<InterceptionRecorded>
{
    public Task Consume(ConsumeContext<InterceptionRecorded> context) => context.File(session, clock, async s =>
    {
        var m = context.Message;
        var province = ExitPoints.Find(m.ExitPoint)?.Province
            ?? throw new InvalidOperationException($"Exit point {m.ExitPoint} is not in the reference data.");
        foreach (var person in m.People)
        {
            s.Store(new CaseFile(person.WorkerId, CaseKind.Person, province, person.Details?.OriginRegion, [person.WorkerId], null, null, null));
            await ShelterStayIntake.Admit(s, person.WorkerId, province, m.ExitPoint, tariffs.For(province), Wita.DayOf(m.InterceptedAt),
                m.RecordedBy, clock.GetUtcNow(), context.CancellationToken);
        }
    });
}

public sealed class WorkerRegisteredConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRegistered>
{
    public Task Consume(ConsumeContext<WorkerRegistered> context) => context.File(session, clock, s =>
    {
        s.Store(new WorkerOrigin(context.Message.WorkerId, context.Message.OriginRegion));
        return Task.CompletedTask;
    });
}

/// <summary>A corrected origin moves the person's future costs to the right origin province (posted lines keep theirs).</summary>
public sealed class WorkerRecordCorrectedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRecordCorrected>
{
    public Task Consume(ConsumeContext<WorkerRecordCorrected> context) => context.File(session, clock, async s =>
    {
        if (!context.Message.NewValues.TryGetValue("originRegion", out var origin) || origin is null) return;
        var worker = context.Message.WorkerId;
        s.Store(new WorkerOrigin(worker, origin));
        if (await s.LoadAsync<CaseFile>(worker, context.CancellationToken) is { Kind: CaseKind.Person } person)
            s.Store(person with { OriginRegion = origin });
    });
}

public sealed class DeathReportedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<DeathReported>
{
    public Task Consume(ConsumeContext<DeathReported> context) => context.File(session, clock, s =>
    {
        var m = context.Message;
        s.Store(new CaseFile(m.CaseId, CaseKind.DeceasedReturn, null, m.Deceased.Details?.OriginRegion, [m.Deceased.WorkerId], null, null,
            m.ProceduralStatus));
        return Task.CompletedTask;
    });
}

public static class Cases
{
    /// <summary>This service's one queue for what it consumes.</summary>
    public const string Queue = "repatriation-costs";

    public static void AddCaseConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InterceptionRecordedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerRegisteredConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerRecordCorrectedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverRequestedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverAcceptedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverRejectedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverDepartedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverArrivalConfirmedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<LocalEmploymentArrangedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<AbscondedFromShelterConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<DeathReportedConsumer>().Endpoint(e => e.Name = Queue);
    }

    public static Task File<T>(this ConsumeContext<T> context, IDocumentSession session, TimeProvider clock, Func<IDocumentSession, Task> file)
        where T : class => context.HandleOnceAsync(session, Queue, clock.GetUtcNow(), file);

    /// <summary>The handover's case; a step that overtook the request is retried until the request has arrived.</summary>
    public static async Task<CaseFile> Handover(IQuerySession session, Guid handoverId, CancellationToken ct) =>
        await session.LoadAsync<CaseFile>(handoverId, ct)
        ?? throw new InvalidOperationException($"Handover {handoverId} is not known yet.");

    /// <summary>
    /// An intercepted person leaves the shelter for another outcome than going home; one that
    /// overtook the interception (and so the stay's opening) is retried.
    /// </summary>
    public static async Task LeaveShelter(IDocumentSession session, Guid worker, DateOnly on, StayEnd reason, string by, TimeProvider clock,
        CancellationToken ct)
    {
        if (await session.LoadAsync<CaseFile>(worker, ct) is not { Kind: CaseKind.Person })
            throw new InvalidOperationException($"Intercepted person {worker} is not known yet.");
        await ShelterStayIntake.Discharge(session, worker, on, reason, by, clock.GetUtcNow(), ct);
    }

    public static async Task ChangePeople(IDocumentSession session, IEnumerable<Guid> people, Func<CaseFile, CaseFile> change, CancellationToken ct)
    {
        var ids = people.Distinct().ToArray();
        var found = await session.LoadManyAsync<CaseFile>(ct, ids);
        // The people's interception is published before their handover; a step that overtook it is retried.
        if (found.Count != ids.Length) throw new InvalidOperationException("A person of the handover is not known yet.");
        foreach (var person in found) session.Store(change(person));
    }

    /// <summary>The case, and its person's origin as the registry published it where the case itself does not know it.</summary>
    public static async Task<(CaseFile? Case, string? KnownOrigin)> Find(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var file = await session.LoadAsync<CaseFile>(caseId, ct);
        if (file is not { OriginRegion: null, People: [var person] }) return (file, null);
        return (file, (await session.LoadAsync<WorkerOrigin>(person, ct))?.OriginRegion);
    }
}
