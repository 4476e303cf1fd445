using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Coordination.Gateway;

/// <summary>The gateway is ready when every service behind it is.</summary>
public sealed class BackendsReadyCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string Client = "backends";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var http = clients.CreateClient(Client);
        var checks = proxy.GetClusters()
            .SelectMany(c => c.Destinations.Values.Select(d => (c.ClusterId, d.Model.Config.Address)))
            .Select(async b =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(new Uri(b.Address), "/health/ready"), cancellationToken);
                    return response.IsSuccessStatusCode ? null : $"{b.ClusterId}: {(int)response.StatusCode}";
                }
                catch (HttpRequestException e)
                {
                    return $"{b.ClusterId}: {e.Message}";
                }
            });
        var failures = (await Task.WhenAll(checks)).OfType<string>().ToArray();
        return failures.Length == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", failures));
    }
}
