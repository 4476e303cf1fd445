using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Marten;
using MassTransit;

namespace Coordination.Interceptions.Origins;

/// <summary>
/// Where a registered worker comes from, as the registry publishes it: a handover goes to
/// the origin province. This service's own copy, so that it never reads the registry's schema.
/// </summary>
public sealed record WorkerOrigin(Guid Id, string OriginRegion);

public sealed class WorkerRegisteredConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRegistered>
{
    public Task Consume(ConsumeContext<WorkerRegistered> context) => context.HandleOnceAsync(session, WorkerOrigins.Queue, clock.GetUtcNow(), s =>
        {
            s.Store(new WorkerOrigin(context.Message.WorkerId, context.Message.OriginRegion));
            return Task.CompletedTask;
        });
}

public sealed class WorkerRecordCorrectedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<WorkerRecordCorrected>
{
    public Task Consume(ConsumeContext<WorkerRecordCorrected> context) => context.HandleOnceAsync(session, WorkerOrigins.Queue, clock.GetUtcNow(), s =>
        {
            if (context.Message.NewValues.TryGetValue("originRegion", out var origin) && origin is not null)
                s.Store(new WorkerOrigin(context.Message.WorkerId, origin));
            return Task.CompletedTask;
        });
}

public static class WorkerOrigins
{
    public const string Queue = "interceptions";

    public static void AddWorkerOrigins(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<WorkerRegisteredConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<WorkerRecordCorrectedConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<PlacementCompanyRegisteredConsumer>().Endpoint(e => e.Name = Queue);
        bus.AddConsumer<PlacementCompanyLicenceChangedConsumer>().Endpoint(e => e.Name = Queue);
    }

    /// <summary>The known origins of <paramref name="workers"/>.</summary>
    public static async Task<Dictionary<Guid, string>> Of(IQuerySession session, IEnumerable<Guid> workers, CancellationToken ct) =>
        (await session.LoadManyAsync<WorkerOrigin>(ct, workers.Distinct())).ToDictionary(o => o.Id, o => o.OriginRegion);
}
