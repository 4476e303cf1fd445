using Coordination.Contracts;
using Coordination.ServiceDefaults;
using MassTransit;
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
            x.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                // Consumers are idempotent (Inbox), so a retry after a lost race or a passing
                // outage is safe; what still fails goes to the endpoint's _error queue.
                endpoint.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
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
        builder.Services.AddReadyCheck<RabbitMqReadyCheck>("rabbitmq");
        // Start serving even while the broker is away: the event store keeps what is written.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        return builder;
    }
}
