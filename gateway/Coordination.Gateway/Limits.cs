using System.Globalization;
using System.Threading.RateLimiting;
using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Coordination.Gateway;

/// <summary>A token bucket: <see cref="Burst"/> calls at once, refilled by <see cref="Refill"/> calls every <see cref="Period"/>.</summary>
public sealed class RateLimit
{
    public int Burst { get; set; } = 1000;
    public int Refill { get; set; } = 500;
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>What one client may hold of the gateway (section <c>Gateway:Limits</c>).</summary>
public sealed class GatewayLimits
{
    public const string Section = "Gateway:Limits";
    public const string AnonymousKind = "anonymous";

    /// <summary>Per agency kind (<see cref="AgencyClient.Kinds"/>), and <c>anonymous</c> per client address.</summary>
    public Dictionary<string, RateLimit> RateLimits { get; set; } = [];

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A body arriving slower than this (after a grace period) ends the connection.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    public TimeSpan MinRequestBodyGrace { get; set; } = TimeSpan.FromSeconds(5);

    public RateLimit For(string kind) => RateLimits.TryGetValue(kind, out var limit) ? limit : new RateLimit();
}

public static class Limits
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<GatewayLimits>(builder.Configuration.GetSection(GatewayLimits.Section));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayLimits>>((kestrel, limits) =>
        {
            var l = limits.Value;
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = l.MaxRequestBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = l.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = l.KeepAliveTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(l.MinRequestBodyBytesPerSecond, l.MinRequestBodyGrace);
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"Your agency's rate limit is spent; retry after {seconds} s.");
            };
        });
        return builder;
    }

    /// <summary>One bucket per agency, sized by its kind; anonymous calls share one per address; probes are free.</summary>
    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");
        var limits = http.RequestServices.GetRequiredService<IOptionsMonitor<GatewayLimits>>().CurrentValue;
        var agencies = http.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue;
        var (partition, kind) = http.User.FindFirst(Agency.IdClaim)?.Value is { } agency
            ? ($"agency:{agency}", agencies.Agencies.Find(a => a.Id == agency)?.Kind ?? GatewayLimits.AnonymousKind)
            : ($"address:{http.Connection.RemoteIpAddress}", GatewayLimits.AnonymousKind);
        var limit = limits.For(kind);
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.Refill,
            ReplenishmentPeriod = limit.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// 413 before anything reaches a service: at once when the declared length is over the
    /// bound; a body of undeclared length (chunked) is read here first, up to Kestrel's bound.
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.RequestServices.GetRequiredService<IOptions<GatewayLimits>>().Value.MaxRequestBodyBytes;
        var tooLarge = http.Request.ContentLength > max;
        if (!tooLarge && http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count > 0)
        {
            http.Request.EnableBuffering();
            try
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                http.Request.Body.Position = 0;
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge = true;
            }
        }
        if (tooLarge)
        {
            await ProblemResponses.Write(http, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"A request body is at most {max} bytes.");
            return;
        }
        await next(http);
    });
}
