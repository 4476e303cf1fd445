using Coordination.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
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
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
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

    public static IHealthChecksBuilder AddReadyCheck<T>(this IServiceCollection services, string name)
        where T : class, IHealthCheck =>
        services.AddHealthChecks().AddCheck<T>(name, tags: [ReadyTag]);
}
