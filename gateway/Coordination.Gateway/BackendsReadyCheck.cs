using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Coordination.Gateway;

/// <summary>The gateway is ready when every service behind it is.</summary>
public sealed class BackendsReadyCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var http = clients.CreateClient(Backends.Client);
        var checks = Backends.Each(proxy, "/health/ready").Select(async b =>
        {
            try
            {
                using var response = await http.GetAsync(b.Address, cancellationToken);
                return response.IsSuccessStatusCode ? null : $"{b.Service}: {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                return $"{b.Service}: {e.Message}";
            }
        });
        var failures = (await Task.WhenAll(checks)).OfType<string>().ToArray();
        return failures.Length == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", failures));
    }
}
