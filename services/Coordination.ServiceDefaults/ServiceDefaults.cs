using Coordination.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Coordination.ServiceDefaults;

/// <summary>What every service and the gateway share: telemetry, health, problem details, JSON.</summary>
public static class ServiceDefaults
{
    /// <summary>Health checks with this tag must pass for <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long a client told <c>503</c> should wait before it tries again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        // In-flight requests finish and background work stops at a checkpoint on SIGTERM, within
        // less than the 30 s an orchestrator usually grants before it kills.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // ASP.NET Core writes four to six Information lines for every request, and Marten's daemon
        // one for every page it relays: under load that cost more CPU than JSON (docs/performance.md)
        // and says nothing the traces and the audit trail do not. Configuration may lower them again.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Marten.Events.Daemon.Coordination", LogLevel.Warning);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.Exception is { } failure && Outage.Of(context.HttpContext.RequestServices, failure) is { } outage)
            {
                context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
                context.ProblemDetails.Title = "Temporarily unavailable";
                context.ProblemDetails.Detail = $"{outage.Dependency} does not answer. Retry after {RetryAfter.TotalSeconds:0} seconds.";
                context.HttpContext.Response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            }
            // Unreadable bodies (malformed JSON, wrong types) are the client's error: say what failed.
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Title = "Malformed request";
                context.ProblemDetails.Detail = bad.Message;
                // A value of the wrong JSON type: name the field as the endpoints' own checks do.
                if (bad.InnerException is System.Text.Json.JsonException { Path: ['$', '.', .. var field] })
                    context.ProblemDetails.Extensions["field"] = field;
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o => ContractJson.Configure(o.SerializerOptions));
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTelemetry(serviceName);
        return builder;
    }

    private static void AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        // Sources and meters of the libraries in the stack; names as those libraries publish them.
        string[] sources = ["Marten", "MassTransit", "Npgsql", "Coordination"];
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(sources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(sources));
        // Exported only where an operator points it somewhere: nothing leaves by default.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // A dependency that is away (the database restarting) is 503 with Retry-After, never 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode
                : Outage.Of(app.Services, e) is not null ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(ReadyTag),
                // Degraded (e.g. MassTransit with an endpoint down) is not ready either.
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>Failures matching <paramref name="matches"/> mean <paramref name="dependency"/> is away for a while.</summary>
    public static IServiceCollection AddOutage(this IServiceCollection services, string dependency, Func<Exception, bool> matches) =>
        services.AddSingleton(new Outage(dependency, matches));

    public static IHealthChecksBuilder AddReadyCheck<T>(this IServiceCollection services, string name)
        where T : class, IHealthCheck =>
        services.AddHealthChecks().AddCheck<T>(name, tags: [ReadyTag]);
}

/// <summary>
/// A kind of failure that means a dependency is away for a while, registered by the layer that
/// knows its exceptions (Eventing for PostgreSQL), so that requests failing on it answer 503.
/// </summary>
public sealed record Outage(string Dependency, Func<Exception, bool> Matches)
{
    /// <summary>The outage <paramref name="failure"/> or one of its inner exceptions shows, if any.</summary>
    public static Outage? Of(IServiceProvider services, Exception failure)
    {
        var outages = services.GetServices<Outage>().ToList();
        for (Exception? e = failure; e is not null; e = e.InnerException)
            if (outages.FirstOrDefault(o => o.Matches(e)) is { } outage) return outage;
        return null;
    }
}
