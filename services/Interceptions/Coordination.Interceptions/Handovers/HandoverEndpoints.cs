using Coordination.Contracts.Interceptions;
using Coordination.Eventing;
using Coordination.Interceptions.Interceptions;
using Coordination.Interceptions.Origins;
using Coordination.ServiceDefaults;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.Options;

namespace Coordination.Interceptions.Handovers;

public sealed record RequestHandoverRequest(IReadOnlyList<string>? People, string? Shelter);

public sealed record ReplyRequest(string? Reason, string? Explanation);

public sealed record LegRequest(string? From, string? To, string? ExpectedArrival);

public sealed record DepartRequest(string? Mode, string? Carrier, IReadOnlyList<LegRequest>? Legs, string? Escort);

public sealed record ArrivalRequest(IReadOnlyList<string>? People, string? ArrivalPoint, string? ArrivedAt);

/// <summary>One line of the handover board.</summary>
public sealed record BoardEntry(Guid InterceptionId, Guid HandoverId, string Status, string FromProvince, string ToProvince,
    int People, DateTimeOffset RequestedAt, DateTimeOffset ReplyDue, DateTimeOffset? ExpectedArrival, IReadOnlyList<Guid> Missing);

public static class HandoverEndpoints
{
    private const string One = "/{id:guid}/handovers/{handoverId:guid}";

    public static void MapHandovers(this RouteGroupBuilder interceptions)
    {
        interceptions.MapPost("/{id:guid}/handovers",
                async (Guid id, RequestHandoverRequest r, HttpContext http, IQuerySession session, IOptions<HandoverOptions> options, TimeProvider clock) =>
                {
                    var f = new Fields();
                    var people = Ids("people", r.People, f);
                    f.Text("shelter", r.Shelter, out var shelter, 200);
                    if (f.Problem is not null) return f.Problem;
                    // The registry's origin where it has published one; else what the interception's details said.
                    var origins = await WorkerOrigins.Of(session, people, http.RequestAborted);
                    if (await session.LoadAsync<Interception>(id, http.RequestAborted) is { } known)
                        foreach (var p in known.People.Where(p => p.OriginRegion is not null)) origins.TryAdd(p.WorkerId, p.OriginRegion!);
                    var now = clock.GetUtcNow();
                    var handoverId = Guid.CreateVersion7(now);
                    var (by, province) = Caller(http);
                    var command = new RequestHandover(id, handoverId, people, shelter, origins, options.Value.ReplyPeriod, by, province, now);
                    return await http.WriteStream<Interception>(id, state => HandoverDecisions.Decide(command, state),
                        written => Results.Created($"/api/interceptions/{id}/handovers/{handoverId}", written.After(InterceptionEvolution.Evolve)));
                })
            .Writes("RequestHandover", StatusCodes.Status201Created);

        Step(interceptions, "/accept", "AcceptHandover", (Guid id, Guid h, ReplyRequest _, Fields f, (string By, string Province) c, DateTimeOffset now) =>
            (Func<Interception?, Decision>)(s => HandoverDecisions.Decide(new ReplyToHandover(id, h, true, null, null, c.By, c.Province, now), s)));

        Step(interceptions, "/reject", "RejectHandover", (Guid id, Guid h, ReplyRequest r, Fields f, (string By, string Province) c, DateTimeOffset now) =>
        {
            if (!f.Choice<RejectionReason>("reason", r.Reason, out var reason)) return null;
            var explanation = f.OptionalText("explanation", r.Explanation, Fields.MaxTextLength);
            return s => HandoverDecisions.Decide(new ReplyToHandover(id, h, false, reason, explanation, c.By, c.Province, now), s);
        });

        Step(interceptions, "/departure", "DepartHandover", (Guid id, Guid h, DepartRequest r, Fields f, (string By, string Province) c, DateTimeOffset now) =>
        {
            f.Choice<TransportMode>("mode", r.Mode, out var mode);
            f.Text("carrier", r.Carrier, out var carrier, 200);
            var escort = f.OptionalText("escort", r.Escort, 200);
            var legs = f.Each("legs", r.Legs).Select((l, i) => new Leg(
                f.Text($"legs[{i}].from", l.From, out var from, 100) ? from : "",
                f.Text($"legs[{i}].to", l.To, out var to, 100) ? to : "",
                f.Moment($"legs[{i}].expectedArrival", l.ExpectedArrival, out var eta) ? eta : default)).ToArray();
            return f.Problem is null ? s => HandoverDecisions.Decide(new DepartHandover(id, h, mode, carrier, legs, escort, c.By, c.Province, now), s) : null;
        });

        interceptions.MapPost(One + "/legs/{leg:int}/acknowledgement", (Guid id, Guid handoverId, int leg, HttpContext http, TimeProvider clock) =>
                http.WriteStream<Interception>(id,
                    s => HandoverDecisions.Decide(new AcknowledgeLeg(id, handoverId, leg, Caller(http).By, clock.GetUtcNow()), s),
                    written => Results.Ok(written.After(InterceptionEvolution.Evolve))))
            .Writes("AcknowledgeHandoverLeg", StatusCodes.Status200OK);

        Step(interceptions, "/arrival", "ConfirmHandoverArrival", (Guid id, Guid h, ArrivalRequest r, Fields f, (string By, string Province) c, DateTimeOffset now) =>
        {
            var people = Ids("people", r.People, f);
            f.Text("arrivalPoint", r.ArrivalPoint, out var point, 100);
            var at = f.Optional<DateTimeOffset>("arrivedAt", r.ArrivedAt, f.Moment) ?? now;
            return f.Problem is null ? s => HandoverDecisions.Decide(new ConfirmArrival(id, h, people, point, at, c.By, c.Province, now), s) : null;
        });

        interceptions.MapGet("/handovers", Board)
            .WithName("HandoverBoard")
            .Produces<BoardEntry[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The board: handovers by status (requested, overdue, accepted, in-transit, failed-to-arrive,
    /// closed, rejected), for a province on either side of them.
    /// </summary>
    private static async Task<IResult> Board(string? status, string? province, IQuerySession session, HttpContext http)
    {
        string[] statuses = ["requested", "overdue", "accepted", "rejected", "in-transit", "failed-to-arrive", "closed"];
        if (status is not null && !statuses.Contains(status))
            return Problems.Malformed("status", $"status is one of {string.Join(", ", statuses)}.");
        var query = session.Query<Interception>().AsQueryable();
        if (province is not null)
            query = query.Where(i => i.MatchesSql("d.data ->> 'province' = ? or d.data -> 'handovers' @> jsonb_build_array(jsonb_build_object('toProvince', ?::text))",
                province, province));
        var interceptions = await query.ToListAsync(http.RequestAborted);
        var board = interceptions
            .SelectMany(i => i.Handovers.Select(h => new BoardEntry(i.Id, h.Id, h.BoardStatus, h.FromProvince, h.ToProvince, h.People.Count,
                h.RequestedAt, h.ReplyDue, h.Transport?.ExpectedArrival, h.Missing)))
            .Where(e => (status is null || e.Status == status) && (province is null || e.FromProvince == province || e.ToProvince == province))
            .OrderBy(e => e.RequestedAt)
            .ToArray();
        return Results.Ok(board);
    }

    private static void Step<TRequest>(RouteGroupBuilder group, string path, string name,
        Func<Guid, Guid, TRequest, Fields, (string By, string Province), DateTimeOffset, Func<Interception?, Decision>?> parse) =>
        group.MapPost(One + path, (Guid id, Guid handoverId, TRequest r, HttpContext http, TimeProvider clock) =>
            {
                if (r is null) return Task.FromResult(Problems.NoBody());
                var f = new Fields();
                if (parse(id, handoverId, r, f, Caller(http), clock.GetUtcNow()) is not { } decide || f.Problem is not null)
                    return Task.FromResult(f.Problem!);
                return http.WriteStream(id, decide, written => Results.Ok(written.After(InterceptionEvolution.Evolve)));
            })
            .Writes(name, StatusCodes.Status200OK);

    private static (string By, string Province) Caller(HttpContext http)
    {
        var agency = Agency.From(http.User);
        return (agency.Id, agency.Province);
    }

    private static Guid[] Ids(string field, IReadOnlyList<string>? ids, Fields f) =>
        [.. (ids ?? []).Select((text, i) => f.Guid($"{field}[{i}]", text, out var id) ? id : Guid.Empty)];
}
