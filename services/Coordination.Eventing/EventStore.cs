using Coordination.Contracts;
using Coordination.ServiceDefaults;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Eventing;

/// <summary>Marten as every service uses it: its own schema, stream per aggregate, the relay.</summary>
public static class EventStore
{
    /// <summary>The event store of <typeparamref name="TModule"/>, in the schema named after it.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore<TModule>(
        this WebApplicationBuilder builder, Action<StoreOptions>? configure = null)
        where TModule : IServiceModule
    {
        var schema = TModule.Name.Replace('-', '_');
        builder.AddPostgres();
        builder.Services.AddSingleton<InboxGroups>();
        builder.Services.AddSingleton<WriteGroups>();

        // Built when first resolved, so that configuration added after Program ran (tests) counts.
        return builder.Services.AddMarten(services =>
            {
                var opts = new StoreOptions();
                opts.Connection(services.GetRequiredService<NpgsqlDataSource>());
                opts.DatabaseSchemaName = schema;
                opts.Events.DatabaseSchemaName = schema;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Camel case here too, so that LINQ looks for the names the JSON has. Enums keep
                // Marten's default (integer) storage setting so that ContractJson's kebab-case
                // strings win; query them with MatchesSql, not LINQ.
                opts.UseSystemTextJsonForSerialization(casing: Weasel.Core.Casing.CamelCase, configure: j => ContractJson.Configure(j));
                // The relay should see a commit within a fraction of a second, and a standby
                // instance take it over within a second or two of the active one stopping.
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                opts.Projections.LeadershipPollingTime = 1000;
                // Once caught up, it wakes as this process commits events rather than after a second.
                var committed = new EventsCommitted(opts.Projections.FastPollingTime);
                opts.Listeners.Add(committed);
                opts.Listeners.Add(new TimeOrderedEventIds());
                opts.Projections.Wakeup = committed;
                // A transaction-scoped leader lock. The session-scoped default asks
                // DistributedLock.Postgres for its multiplexing mode, which the 1.3.1 that stands
                // in for Marten's patched 1.3.3 refuses on a data source (deploy/packages/README.md).
                opts.Events.UseAdvisoryLockTransaction = true;
                // A failed append leaves a gap in the event sequence. Marten waits while any older
                // transaction in the database might still fill it, and the other services' daemons
                // hold their leader lock in open transactions (UseAdvisoryLockTransaction), so where
                // services share a database (./coordination up, the tests) the relay waited forever.
                // Our appends are request-sized; none holds its reservation this long.
                opts.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = TimeSpan.FromSeconds(5);
                // The relay must never skip an event it failed to publish: it stops and retries.
                opts.Projections.Errors.SkipApplyErrors = false;
                // Services may share one database (one schema each): their daemons must not
                // compete for the same advisory lock.
                opts.Projections.DaemonLockId = LockIdFor(schema);
                // Nor for the lock that serializes applying schema changes at startup: with one for
                // all, services started together on one database lost the race under load and
                // refused to start. Replicas of one service still take turns, waiting long enough
                // for the other's migration on a busy machine.
                opts.ApplyChangesLockId = LockIdFor(schema + ".schema-changes");
                opts.ApplyChangesLockTimeout = TimeSpan.FromSeconds(60);
                // Marten's spans and counters are off unless asked for.
                opts.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();
                configure?.Invoke(opts);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // One relay at a time per service, whichever instance holds the lock.
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>Publishes the service's stored events through <typeparamref name="TMap"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddIntegrationRelay<TMap>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMap : class, IIntegrationEventMap
    {
        marten.Services.AddSingleton<IIntegrationEventMap, TMap>();
        return marten.AddSubscriptionWithServices<IntegrationRelay>(ServiceLifetime.Singleton,
            o => o.Name = IntegrationRelay.SubscriptionName);
    }

    private static int LockIdFor(string schema) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schema)));
}
