using System.Net.Http.Headers;
using Coordination.ServiceDefaults;
using Yarp.ReverseProxy.Transforms;

namespace Coordination.Gateway;

public static class Proxy
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(context =>
            {
                // The cluster id is the service's name, and so the internal token's audience.
                var audience = context.Cluster?.ClusterId ?? context.Route.ClusterId!;
                var issuer = context.Services.GetRequiredService<InternalTokenIssuer>();
                context.AddRequestTransform(transform =>
                {
                    var headers = transform.ProxyRequest.Headers;
                    StripInternalHeaders(headers);
                    var user = transform.HttpContext.User;
                    if (user.Identity?.IsAuthenticated == true)
                        headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(Agency.From(user), audience));
                    return ValueTask.CompletedTask;
                });
            });
        // Readiness and the OpenAPI document are anonymous: a slow backend must not hold them for long.
        builder.Services.AddHttpClient(Backends.Client, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddReadyCheck<BackendsReadyCheck>("backends");
        return builder;
    }

    /// <summary>
    /// Nothing a client sends may pose as the gateway's word: its credentials, any bearer
    /// token, and every internal header are removed before the request goes on.
    /// </summary>
    private static void StripInternalHeaders(HttpRequestHeaders headers)
    {
        headers.Remove("Authorization");
        headers.Remove(ApiKeyHandler.Header);
        foreach (var name in headers.Select(h => h.Key).Where(IsInternal).ToList()) headers.Remove(name);
    }

    private static bool IsInternal(string header) =>
        header.StartsWith("X-Internal-", StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("X-Coordination-", StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("X-Agency", StringComparison.OrdinalIgnoreCase);
}
