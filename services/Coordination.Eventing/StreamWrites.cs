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
/// stream version as <c>ETag</c>. Domain errors become problem details. Writes that arrive
/// together share a transaction (<see cref="WriteGroups"/>).
/// </summary>
public static class StreamWrites
{
    public static Task<IResult> WriteStream<TState>(
        this HttpContext http, Guid streamId, Func<TState?, Decision> decide, Func<Written<TState>, IResult> accepted)
        where TState : class =>
        http.WriteStreams<TState>(streamId, [], (state, _) => decide(state), _ => streamId, accepted);

    /// <summary>
    /// A command that starts a stream whose id the service has just made for it (a registration,
    /// an interception): decided on no state, and appended without fetching the stream first
    /// (two statements that could only find nothing). Should the id exist after all, the answer
    /// is a conflict, as for a concurrent change.
    /// </summary>
    public static Task<IResult> StartStream<TState>(
        this HttpContext http, Guid streamId, Func<Decision> decide, Func<Written<TState>, IResult> accepted)
        where TState : class =>
        http.Write<TState>(streamId, [], (_, _) => decide(), _ => streamId, accepted, starts: true);

    /// <summary>
    /// A command that changes <paramref name="streamId"/> and, in the same transaction, the
    /// <paramref name="others"/> (a merge of two records). <c>If-Match</c> and the <c>ETag</c>
    /// are the first stream's; the others are checked for concurrent changes all the same.
    /// </summary>
    /// <param name="streamOf">which of the streams an event of the decision goes to.</param>
    public static Task<IResult> WriteStreams<TState>(
        this HttpContext http, Guid streamId, IReadOnlyList<Guid> others, Func<TState?, IReadOnlyList<TState?>, Decision> decide,
        Func<object, Guid> streamOf, Func<Written<TState>, IResult> accepted)
        where TState : class =>
        http.Write(streamId, others, decide, streamOf, accepted, starts: false);

    private static async Task<IResult> Write<TState>(
        this HttpContext http, Guid streamId, IReadOnlyList<Guid> others, Func<TState?, IReadOnlyList<TState?>, Decision> decide,
        Func<object, Guid> streamOf, Func<Written<TState>, IResult> accepted, bool starts)
        where TState : class
    {
        if (!Versions.TryReadIfMatch(http.Request, out var expected))
            return Problems.Malformed("If-Match", "If-Match must be the ETag of the resource, e.g. \"3\".");
        // A version of a record that does not exist yet cannot match.
        if (starts && expected is not null) return Problems.Stale();

        var session = http.RequestServices.GetRequiredService<IDocumentSession>();
        var ct = http.RequestAborted;
        // Kept with the events so the relay can continue this trace when it publishes them.
        var write = new StreamWrite<TState>(streamId, expected, others, decide, streamOf, Activity.Current?.Id, starts);
        try
        {
            var outcome = await http.RequestServices.GetRequiredService<WriteGroups>().Write(write, session, ct);
            if (outcome.Error is { } error) return Problems.For(error);

            http.Response.Headers.ETag = Versions.ETag(outcome.Written!.Version);
            return accepted(outcome.Written);
        }
        catch (Exception e) when (IsConcurrentChange(e))
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

    /// <summary>Another write changed or started one of the streams first.</summary>
    internal static bool IsConcurrentChange(Exception e) =>
        e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException or EventStreamUnexpectedMaxEventIdException;
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

/// <summary>A write's answer: what it appended, or the domain error that refused it.</summary>
public sealed record WriteOutcome<TState>(Written<TState>? Written, DomainError? Error) where TState : class;

/// <summary>What a write appended to its stream: the state it started from, the events, the new version.</summary>
public sealed record Written<TState>(TState? Before, IReadOnlyList<object> Events, long Version) where TState : class
{
    public TState? After(Func<TState?, object, TState?> evolve) => Events.Aggregate(Before, evolve);
}

public static class EventHeaders
{
    public const string TraceParent = "traceparent";
}
