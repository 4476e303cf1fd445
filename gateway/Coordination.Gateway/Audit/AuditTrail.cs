using System.Diagnostics;
using System.Threading.Channels;
using Coordination.ServiceDefaults;

namespace Coordination.Gateway.Audit;

/// <param name="Route">the gateway route's pattern (e.g. <c>/api/registry/{**rest}</c>).</param>
/// <param name="Stream">the record the call touched: the <c>Location</c> it answered, or the path up to its first id.</param>
public sealed record AuditRecord(DateTimeOffset At, string? Agency, string Method, string Route, string Path, int Status, string? TraceId,
    string? Stream);

/// <summary>
/// Every call through the gateway, queued for <see cref="AuditWriter"/>: the request does not
/// wait on the database, only (when the writer has fallen far behind) for room in the queue.
/// </summary>
public sealed class AuditTrail
{
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<AuditRecord> Reader => _queue.Reader;

    public async ValueTask Record(AuditRecord record)
    {
        try
        {
            await _queue.Writer.WriteAsync(record);
        }
        catch (ChannelClosedException)
        {
            // The gateway is stopping and the writer has written its last batch.
        }
    }

    public void Complete() => _queue.Writer.TryComplete();
}

public static class AuditMiddleware
{
    /// <summary>Records each call once answered (probes aside), whoever made it and however it ended.</summary>
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/health"))
        {
            await next(http);
            return;
        }
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            var path = http.Request.Path.Value ?? "";
            var location = http.Response.Headers.Location.ToString();
            await http.RequestServices.GetRequiredService<AuditTrail>().Record(new AuditRecord(
                http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), http.User.FindFirst(Agency.IdClaim)?.Value,
                http.Request.Method, route, path, status, Activity.Current?.TraceId.ToHexString(),
                location.Length > 0 ? location : StreamIn(path)));
        }
    });

    /// <summary><c>/api/interceptions/{id}/handovers/…</c> → <c>/api/interceptions/{id}</c>; null without an id.</summary>
    private static string? StreamIn(string path)
    {
        var segments = path.Split('/');
        var id = Array.FindIndex(segments, s => Guid.TryParse(s, out _));
        return id < 0 ? null : string.Join('/', segments[..(id + 1)]);
    }
}
