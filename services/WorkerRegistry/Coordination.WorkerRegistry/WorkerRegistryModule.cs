using Coordination.Eventing;
using Coordination.WorkerRegistry.Companies;
using Coordination.WorkerRegistry.Companies.Licensing;
using Coordination.WorkerRegistry.Companies.Reading;
using Coordination.WorkerRegistry.Companies.Registering;
using Coordination.WorkerRegistry.Consuming;
using Coordination.WorkerRegistry.Publishing;
using Coordination.WorkerRegistry.Statistics;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Correcting;
using Coordination.WorkerRegistry.Workers.Journey;
using Coordination.WorkerRegistry.Workers.Merging;
using Coordination.WorkerRegistry.Workers.Reading;
using Coordination.WorkerRegistry.Workers.Registering;
using JasperFx.Events.Projections;

namespace Coordination.WorkerRegistry;

/// <summary>The record of a person across the whole journey, and of placement companies, at <c>/api/registry</c>.</summary>
public sealed class WorkerRegistryModule : IServiceModule
{
    public static string Name => "worker-registry";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<WorkerRegistryModule>(o =>
            {
                // Inline: a write answers with the record as it now is, and the claims make
                // a NIK or licence number unique within the write's own transaction.
                o.Projections.Add<WorkerProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add<CompanyProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add(new NikClaims(), ProjectionLifecycle.Inline);
                o.Projections.Add(new LicenceClaims(), ProjectionLifecycle.Inline);
                o.Schema.For<Worker>().Index(w => w.NameKey).Index(w => w.FamilyPhoneKey);
            })
            .AddIntegrationRelay<WorkerRegistryPublications>();
        builder.AddMessaging(bus => bus.AddReactions());
    }

    public static void Map(WebApplication app)
    {
        var registry = app.MapGroup("/api/registry");
        registry.MapStatistics();

        var workers = registry.MapGroup("/workers").WithTags("Workers");
        workers.MapRegisterWorker();
        workers.MapReadWorkers();
        workers.MapJourney();
        workers.MapCorrectRecord();
        workers.MapMergeWorkers();

        var companies = registry.MapGroup("/companies").WithTags("Placement companies");
        companies.MapRegisterCompany();
        companies.MapReadCompanies();
        companies.MapChangeLicence();
    }
}
