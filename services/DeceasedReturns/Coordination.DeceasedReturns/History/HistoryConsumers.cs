using Coordination.Contracts;
using Coordination.Contracts.Interceptions;
using Coordination.Contracts.WorkerRegistry;
using Marten;
using MassTransit;

namespace Coordination.DeceasedReturns.History;

// Other services' events, each kept once as this service's own copy (PersonHistory.Keep).

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
        [PersonHistory.Step("returned", m.WorkerId, null, m.ReturnedOn, null, null, m.RecordedBy)]);
}
