using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Coordination.Eventing;

public static class Postgres
{
    /// <summary>
    /// Registers the service's <see cref="NpgsqlDataSource"/> (<c>ConnectionStrings:Postgres</c>,
    /// read when first resolved) and its readiness check.
    /// </summary>
    public static WebApplicationBuilder AddPostgres(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => NpgsqlDataSource.Create(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set.")));
        builder.Services.AddReadyCheck<PostgresReadyCheck>("postgres");
        builder.Services.AddOutage("The database", IsOutage);
        return builder;
    }

    /// <summary>
    /// PostgreSQL unreachable, restarting or out of connections: worth retrying later. Not a
    /// constraint or a query that the server refused, which retrying would not change.
    /// </summary>
    private static bool IsOutage(Exception e) => e switch
    {
        PostgresException p => p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal)
                                              || p.SqlState.StartsWith("57P0", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is System.IO.IOException or System.Net.Sockets.SocketException,
        _ => false,
    };
}

public sealed class PostgresReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }
}
