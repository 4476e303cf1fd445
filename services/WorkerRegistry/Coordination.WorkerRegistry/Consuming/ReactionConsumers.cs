using Coordination.Contracts.DeceasedReturns;
using Coordination.Contracts.Interceptions;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Marten;
using MassTransit;

namespace Coordination.WorkerRegistry.Consuming;

// The registry's reactions to other services' events: each marks the people concerned on
// their records, once per message (the inbox), registering those it did not know.

public sealed class InterceptionRecordedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<InterceptionRecorded>
{
    public Task Consume(ConsumeContext<InterceptionRecorded> context) => context.File(session, clock, async facts =>
    {
        var m = context.Message;
        foreach (var person in m.People)
        {
            var id = await facts.Resolve(person, RecordSource.Interception, m.RecordedBy);
            facts.Append(id, new Intercepted(id, m.InterceptionId, m.ExitPoint, m.InterceptedAt, m.RecordedBy, facts.Now));
        }
    });
}

public sealed class HandoverArrivalConfirmedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverArrivalConfirmed>
{
    public Task Consume(ConsumeContext<HandoverArrivalConfirmed> context) => context.File(session, clock, async facts =>
    {
        var m = context.Message;
        foreach (var person in m.People)
        {
            var id = await facts.Resolve(new(person, null), RecordSource.Interception, m.ConfirmedBy);
            facts.Append(id, new ReturnedHome(id, m.HandoverId, m.ArrivalPoint, m.ArrivedAt, m.ConfirmedBy, facts.Now));
        }
    });
}

public sealed class DeathReportedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<DeathReported>
{
    public Task Consume(ConsumeContext<DeathReported> context) => context.File(session, clock, async facts =>
    {
        var m = context.Message;
        var id = await facts.Resolve(m.Deceased, RecordSource.DeceasedReturnNotice, m.ReportedBy);
        facts.Append(id, new DeathRecorded(id, m.CaseId, m.CountryOfDeath, m.DiedOn,
            m.ProceduralStatus == ProceduralStatus.NonProcedural, m.ReportedBy, facts.Now));
    });
}

public static class Reactions
{
    /// <summary>The registry's one queue for what it consumes.</summary>
    public const string Queue = "worker-registry";

    public static void AddReactions(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InterceptionRecordedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<HandoverArrivalConfirmedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<DeathReportedConsumer>().Endpoint(e => e.Name = Queue);
    }

    public static async Task File<T>(this ConsumeContext<T> context, IDocumentSession session, TimeProvider clock,
        Func<WorkerFacts, Task> file) where T : class
    {
        var now = clock.GetUtcNow();
        await context.HandleOnceAsync(session, Queue, now, s => file(new WorkerFacts(s, now, context.CancellationToken)));
    }
}
