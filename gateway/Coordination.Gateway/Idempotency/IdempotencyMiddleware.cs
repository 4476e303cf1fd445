using System.Security.Cryptography;
using System.Text;
using Coordination.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Coordination.Gateway.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Gateway:Idempotency";

    /// <summary>How long a key answers with its first response; after that it may be used anew.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An answer larger than this is passed on but not kept (the key is released).</summary>
    public int MaxStoredResponseBytes { get; set; } = 1 << 20;
}

/// <summary>
/// <c>Idempotency-Key</c> on a POST: the first request with a key is proxied and its answer
/// (status, <c>Location</c>, <c>ETag</c>, <c>Content-Type</c>, body) kept; the same key with the
/// same request answers that again without reaching the service; with another request, 422;
/// while the first is still in flight, 409. Keys are the calling agency's own.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    private static readonly string[] KeptHeaders = ["Location", "ETag", "Content-Type"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            await ProblemResponses.Write(http, StatusCodes.Status400BadRequest, "Malformed Idempotency-Key",
                $"{Header} is 1–{MaxKeyLength} visible ASCII characters, such as a UUID.");
            return;
        }

        var agency = Agency.From(http.User).Id;
        var fingerprint = await Fingerprint(http.Request);
        var now = clock.GetUtcNow();
        switch (await store.Reserve(agency, key, fingerprint, now, now + options.Value.KeyLifetime, http.RequestAborted))
        {
            case null:
                await ProxyAndKeep(http, agency, key);
                return;
            case { } used when !CryptographicOperations.FixedTimeEquals(used.Fingerprint, fingerprint):
                await ProblemResponses.Write(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {Header} was used for another request; use a new key for a new request.");
                return;
            case { Status: null }:
                await ProblemResponses.Write(http, StatusCodes.Status409Conflict, "Request in progress",
                    $"The first request with this {Header} has not been answered yet; retry in a moment.");
                return;
            case { Status: { } status } answered:
                http.Response.StatusCode = status;
                foreach (var (name, value) in answered.Headers) http.Response.Headers[name] = value;
                http.Response.Headers[ReplayedHeader] = "true";
                await http.Response.Body.WriteAsync(answered.Body, http.RequestAborted);
                return;
        }
    }

    private async Task ProxyAndKeep(HttpContext http, string agency, string key)
    {
        var original = http.Response.Body;
        var capture = new ResponseCapture(original, options.Value.MaxStoredResponseBytes);
        http.Response.Body = capture;
        var kept = false;
        try
        {
            await next(http);
            // A 5xx (a service down, a timeout) is not an answer to repeat: the retry runs again.
            if (http.Response.StatusCode < 500 && !capture.Overflowed)
            {
                var headers = KeptHeaders.Where(h => http.Response.Headers.ContainsKey(h))
                    .ToDictionary(h => h, h => http.Response.Headers[h].ToString());
                await store.Complete(agency, key, http.Response.StatusCode, headers, capture.Captured, CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!kept) await store.Release(agency, key);
        }
    }

    /// <summary>SHA-256 of method, path and query, and body: "the same request".</summary>
    private static async Task<byte[]> Fingerprint(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}

/// <summary>Deletes expired keys now and then, so that the table holds only live ones.</summary>
public sealed class ExpiredKeySweeper(IdempotencyStore store, TimeProvider clock, ILogger<ExpiredKeySweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.DeleteExpired(clock.GetUtcNow(), stoppingToken);
            }
            catch (Npgsql.NpgsqlException e)
            {
                log.LogWarning(e, "Could not delete expired idempotency keys; trying again later.");
            }
        }
    }
}

public static class IdempotencyRegistration
{
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.Section));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<ExpiredKeySweeper>();
        return builder;
    }
}
