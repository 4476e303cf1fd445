using System.Globalization;
using System.Text;
using Coordination.EventLog.Access;
using Coordination.EventLog.Log;
using Microsoft.AspNetCore.Http.Features;

namespace Coordination.EventLog.Feed;

/// <summary>
/// The log live, as Server-Sent Events: each entry one event whose id is its position and
/// whose data is the CloudEvent. A client that reconnects with <c>Last-Event-ID</c> (or
/// <c>?after=</c>) resumes right after the last entry it received: positions never change,
/// so nothing is skipped or repeated.
/// </summary>
public static class StreamEndpoint
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>A comment line this often keeps proxies (the gateway's idle timeout) from closing a quiet stream.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapStream(this WebApplication app) =>
        app.MapGet("/api/events/stream", async (long? after, LogStore store, Disclosures disclosures, LogAppended appended,
                TimeProvider clock, HttpContext http) =>
            {
                if (FeedRequest.Resolve(http, out var reader, out var filter) is { } refused) return refused;
                var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
                long position;
                if (lastEventId.Length > 0)
                {
                    if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out position))
                        return Eventing.Problems.Malformed("Last-Event-ID", "Last-Event-ID is the position of the last event received.");
                }
                else position = after ?? 0;
                if (position < 0) return Eventing.Problems.Malformed("after", "after is a position, 0 or more.");

                var ct = http.RequestAborted;
                http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers["X-Accel-Buffering"] = "no";
                await http.Response.Body.FlushAsync(ct);
                var quietSince = clock.GetUtcNow();
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        var entries = await store.ReadAsync(position, 100, ct, filter);
                        if (entries.Count > 0)
                        {
                            await disclosures.RecordAsync(reader, Channels.Stream, entries, ct);
                            foreach (var entry in entries) await Write(http, entry, reader.PersonalData, ct);
                            position = entries[^1].Position;
                            quietSince = clock.GetUtcNow();
                            continue;
                        }
                        if (clock.GetUtcNow() - quietSince >= Heartbeat)
                        {
                            await http.Response.WriteAsync(": keep-alive\n\n", ct);
                            await http.Response.Body.FlushAsync(ct);
                            quietSince = clock.GetUtcNow();
                        }
                        await appended.WaitAsync(Poll, ct);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // The client went away: the stream ends there.
                }
                return Results.Empty;
            })
            .WithName("StreamEvents")
            .WithSummary("Entries as Server-Sent Events (id = position, data = CloudEvent), resumable with Last-Event-ID; same filters as the feed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task Write(HttpContext http, LogEntry entry, bool personalData, CancellationToken ct)
    {
        // Structured CloudEvents JSON is written on one line, as an SSE data field must be.
        var data = Encoding.UTF8.GetString(LogCloudEvents.Structured(entry, personalData).Span);
        await http.Response.WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $"id: {entry.Position}\nevent: {entry.Record.Type}\ndata: {data}\n\n"), ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
