using Coordination.Eventing;
using Coordination.WorkerRegistry.Publishing;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Registering;
using JasperFx.Events.Projections;

namespace Coordination.WorkerRegistry;

/// <summary>The record of a person across the whole journey, at <c>/api/registry</c>.</summary>
public sealed class WorkerRegistryModule : IServiceModule
{
    public static string Name => "worker-registry";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<WorkerRegistryModule>(o => o.Projections.Add<WorkerProjection>(ProjectionLifecycle.Inline))
            .AddIntegrationRelay<WorkerRegistryPublications>();
        builder.AddMessaging();
    }

    public static void Map(WebApplication app)
    {
        var workers = app.MapGroup("/api/registry/workers").WithTags("Workers");
        workers.MapRegisterWorker();
        workers.MapGetWorker();
    }
}
