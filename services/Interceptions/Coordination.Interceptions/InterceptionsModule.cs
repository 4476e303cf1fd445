using Coordination.Eventing;
using Coordination.Interceptions.Handovers;
using Coordination.Interceptions.Interceptions;
using Coordination.Interceptions.Origins;
using Coordination.Interceptions.Publishing;
using JasperFx.Events.Projections;

namespace Coordination.Interceptions;

/// <summary>Interceptions and inter-province handovers, with deadlines and chain of custody, at <c>/api/interceptions</c>.</summary>
public sealed class InterceptionsModule : IServiceModule
{
    public static string Name => "interceptions";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<InterceptionsModule>(o =>
            {
                o.Projections.Add<InterceptionProjection>(ProjectionLifecycle.Inline);
                o.Schema.For<Interception>().Duplicate(i => i.NextDeadline!);
            })
            .AddIntegrationRelay<InterceptionPublications>();
        builder.AddMessaging(bus => bus.AddWorkerOrigins());
        builder.Services.AddOptions<HandoverOptions>().Bind(builder.Configuration.GetSection(HandoverOptions.Section));
        builder.Services.AddHostedService<DeadlineJob>();
    }

    public static void Map(WebApplication app)
    {
        var interceptions = app.MapGroup("/api/interceptions").WithTags("Interceptions and handovers");
        interceptions.MapHandovers();
        interceptions.MapInterceptions();
    }
}
