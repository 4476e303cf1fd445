using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Agreement.Setting;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Clearing;
using Coordination.RepatriationCosts.Clearing.Answering;
using Coordination.RepatriationCosts.Clearing.Closing;
using Coordination.RepatriationCosts.Clearing.Settling;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.CostLines.Posting;
using Coordination.RepatriationCosts.CostLines.Reading;
using Coordination.RepatriationCosts.CostLines.Reversing;
using Coordination.RepatriationCosts.Publishing;
using Coordination.RepatriationCosts.ShelterStays;
using Coordination.RepatriationCosts.ShelterStays.Posting;
using Coordination.RepatriationCosts.Totals;
using JasperFx.Events.Projections;

namespace Coordination.RepatriationCosts;

/// <summary>
/// Shelter and return costs, allocated by the agreement's sharing rules and cleared monthly
/// between the parties, at <c>/api/costs</c>.
/// </summary>
public sealed class RepatriationCostsModule : IServiceModule
{
    public static string Name => "repatriation-costs";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<RepatriationCostsModule>(o =>
            {
                // Inline: a write answers with the state it made, and the ledger's claims make
                // evidence references, stay bills and clearing marks unique within the write's transaction.
                o.Projections.Add<AgreementProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add<CostLineProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add<ShelterStayProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add<ClearingPeriodProjection>(ProjectionLifecycle.Inline);
                o.Projections.Add(new LedgerProjection(), ProjectionLifecycle.Inline);
                o.Schema.For<LedgerEntry>().Index(e => e.Date).Index(e => e.CaseId);
                o.Schema.For<ShelterStay>().Index(s => s.WorkerId);
                o.Schema.For<CostLine>().Index(l => l.CaseId);
            })
            .AddIntegrationRelay<CostPublications>();
        builder.AddMessaging(bus => bus.AddCaseConsumers());
        builder.Services.AddOptions<CostOptions>().Bind(builder.Configuration.GetSection(CostOptions.Section));
        builder.Services.AddOptions<ShelterOptions>().Bind(builder.Configuration.GetSection(ShelterOptions.Section));
        builder.Services.AddSingleton<ShelterTariffs>();
    }

    public static void Map(WebApplication app)
    {
        var costs = app.MapGroup("/api/costs");
        costs.MapGroup("").WithTags("Agreement").MapAgreement();
        var lines = costs.MapGroup("").WithTags("Cost lines and stays");
        lines.MapPostCostLine();
        lines.MapReverseCostLine();
        lines.MapStays();
        lines.MapReads();
        var periods = costs.MapGroup("/periods").WithTags("Clearing");
        periods.MapClosePeriod();
        periods.MapStatements();
        periods.MapAnswers();
        periods.MapSettlement();
        costs.MapGroup("").WithTags("Totals").MapTotals();
    }
}
