using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Eventing;

/// <summary>
/// The one write path of every service: fetch the stream for writing (with the expected
/// version from <c>If-Match</c> when given) → pure decide → append → save → the new
/// stream version as <c>ETag</c>. Domain errors become problem details.
/// </summary>
public static class StreamWrites
{
    public static async Task<IResult> WriteStream<TState>(
        this HttpContext http, Guid streamId, Func<TState?, Decision> decide, Func<IReadOnlyList<object>, long, IResult> accepted)
        where TState : class
    {
        if (!Versions.TryReadIfMatch(http.Request, out var expected))
            return Problems.Malformed("If-Match", "If-Match must be the ETag of the resource, e.g. \"3\".");

        var session = http.RequestServices.GetRequiredService<IDocumentSession>();
        var ct = http.RequestAborted;
        try
        {
            var stream = expected.HasValue
                ? await session.Events.FetchForWriting<TState>(streamId, expected.Value, ct)
                : await session.Events.FetchForWriting<TState>(streamId, ct);

            var decision = decide(stream.Aggregate);
            if (decision.Error is { } error) return Problems.For(error);

            // Kept with the events so the relay can continue this trace when it publishes them.
            if (Activity.Current is { } activity) session.SetHeader(EventHeaders.TraceParent, activity.Id!);
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(ct);

            var newVersion = (stream.StartingVersion ?? 0) + decision.Events.Count;
            http.Response.Headers.ETag = Versions.ETag(newVersion);
            return accepted(decision.Events, newVersion);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                                      or JasperFx.Events.ExistingStreamIdCollisionException
                                      or EventStreamUnexpectedMaxEventIdException)
        {
            return expected is null
                ? Problems.Conflict("The record changed while this command ran; read it again and retry.")
                : Problems.Stale();
        }
    }
}

public static class EventHeaders
{
    public const string TraceParent = "traceparent";
}
