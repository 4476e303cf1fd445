using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
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
    public static Task<IResult> WriteStream<TState>(
        this HttpContext http, Guid streamId, Func<TState?, Decision> decide, Func<Written<TState>, IResult> accepted)
        where TState : class =>
        http.WriteStreams<TState>(streamId, [], (state, _) => decide(state), _ => streamId, accepted);

    /// <summary>
    /// A command that changes <paramref name="streamId"/> and, in the same transaction, the
    /// <paramref name="others"/> (a merge of two records). <c>If-Match</c> and the <c>ETag</c>
    /// are the first stream's; the others are checked for concurrent changes all the same.
    /// </summary>
    /// <param name="streamOf">which of the streams an event of the decision goes to.</param>
    public static async Task<IResult> WriteStreams<TState>(
        this HttpContext http, Guid streamId, IReadOnlyList<Guid> others, Func<TState?, IReadOnlyList<TState?>, Decision> decide,
        Func<object, Guid> streamOf, Func<Written<TState>, IResult> accepted)
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
            var otherStreams = new List<IEventStream<TState>>(others.Count);
            foreach (var other in others) otherStreams.Add(await session.Events.FetchForWriting<TState>(other, ct));

            var decision = decide(stream.Aggregate, otherStreams.Select(s => s.Aggregate).ToArray());
            if (decision.Error is { } error) return Problems.For(error);

            // Kept with the events so the relay can continue this trace when it publishes them.
            if (Activity.Current is { } activity) session.SetHeader(EventHeaders.TraceParent, activity.Id!);
            var own = new List<object>();
            foreach (var e in decision.Events)
            {
                var target = streamOf(e);
                if (target == streamId) own.Add(e);
                else otherStreams.Single(s => s.Id == target).AppendOne(e);
            }
            stream.AppendMany(own);
            await session.SaveChangesAsync(ct);

            var newVersion = (stream.StartingVersion ?? 0) + own.Count;
            http.Response.Headers.ETag = Versions.ETag(newVersion);
            return accepted(new Written<TState>(stream.Aggregate, own, newVersion));
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                                      or JasperFx.Events.ExistingStreamIdCollisionException
                                      or EventStreamUnexpectedMaxEventIdException)
        {
            return expected is null
                ? Problems.Conflict("The record changed while this command ran; read it again and retry.")
                : Problems.Stale();
        }
        catch (JasperFx.DocumentAlreadyExistsException e) when (e.DocumentType == typeof(UniqueClaim))
        {
            // Lost a race for a unique value (UniqueClaim) against another write.
            return Problems.Conflict("Another record took a value that must be unique while this command ran; read again and retry.");
        }
    }
}

public static class WriteEndpoints
{
    /// <summary>The problems a write through <see cref="StreamWrites"/> may answer, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder route) => route
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>What a write appended to its stream: the state it started from, the events, the new version.</summary>
public sealed record Written<TState>(TState? Before, IReadOnlyList<object> Events, long Version) where TState : class
{
    public TState? After(Func<TState?, object, TState?> evolve) => Events.Aggregate(Before, evolve);
}

public static class EventHeaders
{
    public const string TraceParent = "traceparent";
}
