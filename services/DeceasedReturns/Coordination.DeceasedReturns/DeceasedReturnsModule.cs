using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Documents;
using Coordination.DeceasedReturns.Cases.Family;
using Coordination.DeceasedReturns.Cases.Reading;
using Coordination.DeceasedReturns.Cases.Repatriation;
using Coordination.DeceasedReturns.Cases.Reporting;
using Coordination.DeceasedReturns.History;
using Coordination.DeceasedReturns.Publishing;
using Coordination.DeceasedReturns.Statistics;
using Coordination.Eventing;
using JasperFx.Events.Projections;

namespace Coordination.DeceasedReturns;

/// <summary>Returns of deceased workers' remains, from the notice of death to the family, at <c>/api/deceased</c>.</summary>
public sealed class DeceasedReturnsModule : IServiceModule
{
    public static string Name => "deceased-returns";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<DeceasedReturnsModule>(o =>
            {
                // Inline: a write answers with the case as it now is.
                o.Projections.Add<ReturnCaseProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add(new DeathClaims(), ProjectionLifecycle.Inline);
                o.Schema.For<PastStep>().Index(s => s.WorkerId);
                o.Schema.For<MergedWorker>().Index(m => m.SurvivorId);
            })
            .AddIntegrationRelay<CasePublications>();
        builder.AddMessaging(bus => bus.AddPersonHistory());
    }

    public static void Map(WebApplication app)
    {
        var deceased = app.MapGroup("/api/deceased").WithTags("Deceased-worker returns");
        deceased.MapStatistics();
        deceased.MapReadCases();
        deceased.MapReportDeath();
        deceased.MapDocuments();
        deceased.MapRepatriation();
        deceased.MapFamily();
    }
}
