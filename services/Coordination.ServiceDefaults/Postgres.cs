using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Coordination.ServiceDefaults;

public static class Postgres
{
    /// <summary>
    /// Registers the service's (or the gateway's) <see cref="NpgsqlDataSource"/> (<c>ConnectionStrings:Postgres</c>,
    /// read when first resolved) and its readiness check.
    /// </summary>
    public static WebApplicationBuilder AddPostgres(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => NpgsqlDataSource.Create(Tuned(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set."), builder.Environment.ApplicationName)));
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
    /// The connection settings every service runs with, unless its connection string sets them.
    /// <list type="bullet">
    /// <item>A pool of <see cref="DefaultPoolLimit"/>: Npgsql's default of 100 let five services
    /// under load hold every one of PostgreSQL's 300 connections (docs/performance.md), mostly idle
    /// in a transaction while the service waited for a core; past a few per core more connections
    /// only queue inside PostgreSQL.</item>
    /// <item>No reset on close: Npgsql sends <c>DISCARD ALL</c> before a pooled connection's next
    /// use, one more statement for each of the four or five uses a write makes, and one that throws
    /// away every prepared statement. Nothing here leaves session state behind: transactions end
    /// with their use, advisory locks are transaction-scoped but the event log follower's, which
    /// it releases itself.</item>
    /// <item>Automatic preparation of the statements used most (Marten's few appends, loads and
    /// the daemon's polls), so that PostgreSQL parses and plans each once per connection.</item>
    /// <item>The process's name as the application name, so that <c>pg_stat_activity</c> tells
    /// which service a backend (its queries, its locks, its CPU) works for: all of them share
    /// one database and one user.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString, string? applicationName = null)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] spellings) => spellings.Any(given.ContainsKey);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Maximum Pool Size", "Max Pool Size", "MaxPoolSize")) tuned.MaxPoolSize = DefaultPoolLimit;
        if (!Given("No Reset On Close", "NoResetOnClose")) tuned.NoResetOnClose = true;
        if (!Given("Max Auto Prepare", "MaxAutoPrepare")) tuned.MaxAutoPrepare = 64;
        if (applicationName is not null && !Given("Application Name", "ApplicationName")) tuned.ApplicationName = applicationName;
        return tuned.ConnectionString;
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
