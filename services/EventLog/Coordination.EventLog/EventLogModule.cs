using Coordination.Contracts;
using Coordination.EventLog.Access;
using Coordination.EventLog.Exchange;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;
using Coordination.EventLog.Webhooks;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using MassTransit;

namespace Coordination.EventLog;

/// <summary>
/// The shared, ordered, hash-chained log of every integration event, at <c>/api/events</c>.
/// Its store is one append-only table rather than a Marten event store: the log needs one
/// gapless global order across all sources, which a single serialized append gives.
/// </summary>
public sealed class EventLogModule : IServiceModule
{
    public static string Name => "event-log";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddSingleton<LogAppended>();
        builder.Services.AddSingleton<LogStore>();
        builder.Services.AddSingleton<LogAppender>();
        builder.Services.AddHostedService(s => s.GetRequiredService<LogAppender>());
        builder.Services.AddSingleton<Disclosures>();
        // Under the service's other settings, so that an operator's own configuration overrides it.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "data-sharing.json", Optional = false, ReloadOnChange = true,
        });
        builder.Services.Configure<DataSharingOptions>(builder.Configuration.GetSection(DataSharingOptions.Section));
        builder.Services.AddHostedService<LogSchema>();
        builder.Services.Configure<ExchangeOptions>(builder.Configuration.GetSection(ExchangeOptions.Section));
        builder.Services.AddHostedService<ExchangePublisher>();
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddHostedService<WebhookScheduler>();
        builder.Services.AddHostedService<WebhookSender>();
        // No redirects: a signed delivery goes to the address the agency registered, nowhere else.
        builder.Services.AddHttpClient(WebhookSender.Client).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        builder.AddMessaging(x =>
        {
            foreach (var contract in IntegrationEvents.All)
                RegistrationConfiguratorExtensions.AddConsumer(x, typeof(LogConsumer<>).MakeGenericType(contract), null)
                    // Many at a time, appended in groups in delivery order (LogAppender): positions
                    // follow the order the relays published in, so a stream's events keep their order.
                    .Endpoint(e =>
                    {
                        e.Name = IntegrationEvents.SharedLogQueue;
                        e.PrefetchCount = LogAppender.InFlight;
                        e.ConcurrentMessageLimit = LogAppender.InFlight;
                    });
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapFeed();
        app.MapVerify();
        app.MapStream();
        app.MapWebhooks();
        app.MapAsyncApi();
    }
}
