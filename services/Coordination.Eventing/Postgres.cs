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
        builder.Services.AddSingleton(services => NpgsqlDataSource.Create(WithPoolLimit(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set."))));
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

    /// <summary>Connections a service opens at most, unless its connection string says otherwise.</summary>
    public const int DefaultPoolLimit = 30;

    /// <summary>
    /// Npgsql's default pool of 100 lets five services under load hold every one of PostgreSQL's
    /// 300 connections (docs/performance.md), mostly idle in a transaction while the service
    /// waits for a core; past a few per core more connections only queue inside PostgreSQL.
    /// </summary>
    private static string WithPoolLimit(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (new[] { "Maximum Pool Size", "Max Pool Size", "MaxPoolSize" }.Any(given.ContainsKey)) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultPoolLimit }.ConnectionString;
    }
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
