using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Eventing;

/// <summary>
/// RabbitMQ answers on its AMQP port. MassTransit's own check says little about a service
/// that only publishes (it has no receive endpoint to report on).
/// </summary>
public sealed class RabbitMqReadyCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var broker = new Uri(configuration.GetConnectionString("RabbitMq")!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, broker.IsDefaultPort ? 5672 : broker.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ does not answer.", e);
        }
    }
}
