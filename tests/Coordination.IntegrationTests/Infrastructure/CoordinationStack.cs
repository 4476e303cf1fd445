using System.Net.Http.Headers;
using System.Text.Json;
using Coordination.DeceasedReturns;
using Coordination.EventLog;
using Coordination.Gateway;
using Coordination.Interceptions;
using Coordination.RepatriationCosts;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>
/// The whole system for a test run: the five services and the gateway on loopback ports,
/// against a database and a RabbitMQ virtual host of the run's own.
/// </summary>
public sealed class CoordinationStack : IAsyncLifetime
{
    private Servers _servers = null!;
    private string _database = "";
    private readonly Dictionary<string, IDisposable> _services = [];

    public string Postgres { get; private set; } = "";
    public ServiceApp<WorkerRegistryModule> Registry { get; private set; } = null!;
    public ServiceApp<EventLogModule> EventLog { get; private set; } = null!;
    public ServiceApp<InterceptionsModule> Interceptions { get; private set; } = null!;
    public ServiceApp<RepatriationCostsModule> Costs { get; private set; } = null!;
    public ServiceApp<DeceasedReturnsModule> DeceasedReturns { get; private set; } = null!;
    public ServiceApp<GatewayOptions> Gateway { get; private set; } = null!;

    private readonly int _registryPort = Ports.Free();

    /// <summary>An integrator of the tests' own, under a data-sharing agreement narrower than the demonstration one.</summary>
    public const string KalbarResearcher = "integrator-kalbar-research";

    public async Task InitializeAsync()
    {
        _servers = await Servers.StartAsync();
        _database = $"coordination_test_{Guid.NewGuid():N}"[..40];
        await using (var admin = NpgsqlDataSource.Create(_servers.Postgres))
            await admin.CreateCommand($"create database {_database}").ExecuteNonQueryAsync();
        Postgres = new NpgsqlConnectionStringBuilder(_servers.Postgres) { Database = _database }.ConnectionString;

        Registry = StartRegistry();
        // Deadlines short enough for a test to see a reply become overdue and an arrival fail.
        Interceptions = Start<InterceptionsModule>(Ports.Free(), new()
        {
            ["Handovers:ReplyPeriod"] = "00:00:03", ["Handovers:ArrivalGrace"] = "00:00:01", ["Handovers:CheckEvery"] = "00:00:00.250",
        });
        Costs = Start<RepatriationCostsModule>(Ports.Free());
        DeceasedReturns = Start<DeceasedReturnsModule>(Ports.Free());
        // Webhook retries quick enough for a test to see a delivery fail for good, and an integrator
        // whose agreement covers only Kalbar's registry events, with personal data.
        EventLog = Start<EventLogModule>(Ports.Free(), new()
        {
            ["Webhooks:FirstRetry"] = "00:00:00.200", ["Webhooks:MaxAttempts"] = "3",
            [$"DataSharing:Agreements:{KalbarResearcher}:Name"] = "PKS 3/2026 research on returnees, Kalimantan Barat",
            [$"DataSharing:Agreements:{KalbarResearcher}:Provinces:0"] = "61",
            [$"DataSharing:Agreements:{KalbarResearcher}:EventTypes:0"] = "coordination.worker-registry.*",
            [$"DataSharing:Agreements:{KalbarResearcher}:PersonalData"] = "true",
        });

        // The gateway's own tables (idempotency keys, audit) live in the run's database too.
        var gatewaySettings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Postgres };
        foreach (var (cluster, app) in new (string, Uri)[]
                 {
                     ("worker-registry", Registry.Address), ("interceptions", Interceptions.Address),
                     ("repatriation-costs", Costs.Address), ("deceased-returns", DeceasedReturns.Address),
                     ("event-log", EventLog.Address),
                 })
            gatewaySettings[$"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address"] = app.ToString();
        // Tests poll the whole feed as integrators every 50 ms; rate limits have tests of their own.
        gatewaySettings["Gateway:Limits:RateLimits:integrator:Burst"] = "100000";
        gatewaySettings["Gateway:Limits:RateLimits:integrator:Refill"] = "100000";
        // A high index appends to the configured agencies, whatever their number.
        gatewaySettings["Gateway:Agencies:100:Id"] = KalbarResearcher;
        gatewaySettings["Gateway:Agencies:100:Kind"] = "integrator";
        gatewaySettings["Gateway:Agencies:100:Roles:0"] = "feed:read";
        gatewaySettings["Gateway:Agencies:100:Roles:1"] = "pii:read";
        Gateway = new ServiceApp<GatewayOptions>(Ports.Free(), gatewaySettings);
        Gateway.StartServer();

        using var client = new HttpClient { BaseAddress = Gateway.Address };
        await Eventually.Get(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode ? "ready" : null,
            TimeSpan.FromSeconds(60), "the gateway and every service behind it becoming ready");
    }

    /// <summary>Starts the registry, again after <see cref="StopRegistryAsync"/>, on the same port.</summary>
    public ServiceApp<WorkerRegistryModule> StartRegistry() => Registry = Start<WorkerRegistryModule>(_registryPort);

    public async Task StopRegistryAsync()
    {
        _services.Remove(nameof(WorkerRegistryModule));
        await Registry.DisposeAsync();
    }

    /// <summary>The run's RabbitMQ virtual host.</summary>
    public string RabbitMq => _servers.RabbitMq;

    /// <summary>
    /// Another instance of a service, beside the stack's own, against <paramref name="postgres"/>
    /// (the run's database unless given); the gateway does not route to it and the test disposes it.
    /// </summary>
    public ServiceApp<T> StartInstance<T>(string? postgres = null) where T : class
    {
        var app = new ServiceApp<T>(Ports.Free(), new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres ?? Postgres, ["ConnectionStrings:RabbitMq"] = _servers.RabbitMq,
        });
        app.StartServer();
        return app;
    }

    /// <summary>NTT's labour office as the registry's internal token names it, for <see cref="DirectClient"/>.</summary>
    public static readonly Agency NttRegistrar = new("disnakertrans-ntt", "53", ["registry:write"]);

    /// <summary>A client of <paramref name="app"/> itself, with the internal token the gateway would mint for <paramref name="agency"/>.</summary>
    public HttpClient DirectClient<T>(ServiceApp<T> app, Agency agency, string audience) where T : class =>
        new(new Minting(new InternalTokenIssuer(Registry.Services.GetRequiredService<IOptions<InternalTokenOptions>>(), TimeProvider.System),
            agency, audience)) { BaseAddress = app.Address };

    /// <summary>A fresh token on every request, as the gateway does: they live a minute.</summary>
    private sealed class Minting(InternalTokenIssuer issuer, Agency agency, string audience) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(agency, audience));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private ServiceApp<T> Start<T>(int port, Dictionary<string, string?>? settings = null) where T : class
    {
        settings ??= [];
        settings["ConnectionStrings:Postgres"] = Postgres;
        settings["ConnectionStrings:RabbitMq"] = _servers.RabbitMq;
        var app = new ServiceApp<T>(port, settings);
        app.StartServer();
        _services[typeof(T).Name] = app;
        return app;
    }

    /// <summary>A client of the gateway, authenticated as <paramref name="agency"/> with its development key.</summary>
    public HttpClient ClientFor(string agency, bool followRedirects = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Gateway.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{agency}");
        return client;
    }

    /// <summary>The log's entries (CloudEvents) whose subject is one of <paramref name="subjects"/>.</summary>
    public async Task<List<JsonElement>> LoggedEvents(HttpClient client, IReadOnlySet<string> subjects)
    {
        var found = new List<JsonElement>();
        var after = 0L;
        while (true)
        {
            using var response = await client.GetAsync($"/api/events?after={after}&limit=1000");
            response.EnsureSuccessStatusCode();
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (page.GetArrayLength() == 0) return found;
            found.AddRange(page.EnumerateArray().Where(e => subjects.Contains(e.GetProperty("subject").GetString()!)).Select(e => e.Clone()));
            after = NextAfter(response.Headers);
        }
    }

    /// <summary>How many events a service's store holds (its schema, e.g. <c>worker_registry</c>).</summary>
    public async Task<long> StoredEvents(string schema = "worker_registry")
    {
        await using var db = NpgsqlDataSource.Create(Postgres);
        return (long)(await db.CreateCommand($"select count(*) from {schema}.mt_events").ExecuteScalarAsync())!;
    }

    private static long NextAfter(HttpResponseHeaders headers)
    {
        var link = headers.GetValues("Link").Single();
        var query = link[(link.IndexOf("after=", StringComparison.Ordinal) + 6)..];
        return long.Parse(query[..query.IndexOf('&', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        // Also after a failed start: dispose what did start.
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var app in _services.Values) app.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (_database.Length > 0)
        {
            await using var admin = NpgsqlDataSource.Create(_servers.Postgres);
            await admin.CreateCommand($"drop database if exists {_database} with (force)").ExecuteNonQueryAsync();
        }
        if (_servers is not null) await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<CoordinationStack>
{
    public const string Name = "stack";
}
