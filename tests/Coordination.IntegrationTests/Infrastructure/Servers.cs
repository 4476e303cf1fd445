using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests use: the private instances that
/// <c>./coordination test</c> started (it exports their addresses), or containers where a
/// Docker engine answers.
/// </summary>
public sealed class Servers : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _containers = [];

    public string Postgres { get; private set; } = "";
    public string RabbitMq { get; private set; } = "";

    public static async Task<Servers> StartAsync()
    {
        var servers = new Servers();
        var postgres = Environment.GetEnvironmentVariable("COORDINATION_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("COORDINATION_RABBITMQ");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbit))
        {
            (servers.Postgres, servers.RabbitMq) = (postgres, rabbit);
            return servers;
        }

        try
        {
            var pg = new PostgreSqlBuilder("postgres:15-alpine").Build();
            var mq = new RabbitMqBuilder("rabbitmq:3.13-management-alpine").Build();
            servers._containers.AddRange([pg, mq]);
            await Task.WhenAll(pg.StartAsync(), mq.StartAsync());
            (servers.Postgres, servers.RabbitMq) = (pg.GetConnectionString(), mq.GetConnectionString());
            return servers;
        }
        catch (Exception e)
        {
            await servers.DisposeAsync();
            throw new InvalidOperationException(
                "No servers to test against: no Docker engine answers and COORDINATION_POSTGRES/COORDINATION_RABBITMQ " +
                "are not set. Run the tests with ./coordination test, which starts private PostgreSQL and RabbitMQ.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers) await container.DisposeAsync();
    }
}
