using Coordination.Contracts;
using Coordination.ServiceDefaults;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Eventing;

/// <summary>MassTransit over RabbitMQ as every service uses it.</summary>
public static class Messaging
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        builder.Services.AddMassTransit(x =>
        {
            // A government data system sends nothing out by itself.
            x.DisableUsageTelemetry();
            consumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                // Consumers are idempotent (Inbox), so retrying is safe. A dependency that is away
                // (the database restarting) is waited for, for minutes; anything else (a lost race)
                // is retried a few times. What still fails is counted and goes to the endpoint's
                // _error queue, until ./coordination replay-errors moves it back.
                bool IsOutage(Exception e) => Outage.Of(context, e) is not null;
                endpoint.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(IsOutage);
                    r.Intervals(1000, 2000, 5000, 10_000, 20_000, 30_000, 30_000, 30_000);
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(IsOutage);
                    r.Intervals(100, 500, 2000, 5000);
                });
                endpoint.ConfigureError(e =>
                {
                    e.UseFilter(new GenerateFaultFilter());
                    e.UseFilter(new FaultedMessages());
                    e.UseFilter(new ErrorTransportFilter());
                });
            });
            x.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq")
                    ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not set.");
                rabbit.Host(new Uri(broker), h => h.PublisherConfirmation = true);
                rabbit.PrefetchCount = 64;
                // The publisher declares the shared log's queue and binding too, exactly as the
                // event log does: a broker drops what no queue is bound for, so without this an
                // event relayed before the event log ever started would be confirmed and lost.
                foreach (var contract in IntegrationEvents.All)
                    rabbit.Publish(contract, p => p.BindQueue(IntegrationEvents.SharedLogQueue, IntegrationEvents.SharedLogQueue,
                        q => q.SetQuorumQueue()));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<RelayStopsFirst>();
        builder.Services.AddReadyCheck<RabbitMqReadyCheck>("rabbitmq");
        // Start serving even while the broker is away: the event store keeps what is written.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        return builder;
    }
}
