using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.Interceptions.Interceptions.Outcomes;
using Coordination.Interceptions.Interceptions.Recording;
using Coordination.Interceptions.Origins;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.Interceptions.Interceptions;

public sealed record PersonRequest(string? WorkerId, string? FullName, string? Sex, string? BirthDate, string? OriginRegion, string? Nik);

public sealed record ReasonRequest(string? Code, string? Text);

public sealed record RecruiterRequest(string? Name, string? Company, string? CompanyId);

public sealed record RecordInterceptionRequest(
    string? ExitPoint, string? InterceptedAt, string? DestinationCountry, IReadOnlyList<PersonRequest>? People,
    IReadOnlyList<ReasonRequest>? Reasons, RecruiterRequest? Recruiter, string? PoliceCaseNumber);

public sealed record OutcomeRequest(string? Employer, string? ContractDate, string? On, string? CaseNumber);

public static class InterceptionEndpoints
{
    public const int MaxPeople = 200;

    public static void MapInterceptions(this RouteGroupBuilder interceptions)
    {
        interceptions.MapPost("/", async (RecordInterceptionRequest r, HttpContext http, IQuerySession session, TimeProvider clock) =>
            {
                var f = new Fields();
                var now = clock.GetUtcNow();
                var caller = Agency.From(http.User);
                f.Text("exitPoint", r.ExitPoint, out var exit, 50);
                var at = f.Optional<DateTimeOffset>("interceptedAt", r.InterceptedAt, f.Moment) ?? now;
                var country = f.OptionalText("destinationCountry", r.DestinationCountry, f.Country);
                var people = f.Each("people", r.People).Take(MaxPeople + 1).Select((p, i) => Person(p, i, f, now)).ToArray();
                if (people.Length > MaxPeople) return Problems.Malformed("people", $"At most {MaxPeople} people per interception.");
                var reasons = f.Each("reasons", r.Reasons).Select((x, i) => new Reason(
                    f.Choice<ReasonCode>($"reasons[{i}].code", x.Code, out var code) ? code : default,
                    f.OptionalText($"reasons[{i}].text", x.Text, Fields.MaxTextLength))).ToArray();
                var recruiter = r.Recruiter is null ? null : new Recruiter(
                    f.OptionalText("recruiter.name", r.Recruiter.Name, Fields.MaxNameLength),
                    f.OptionalText("recruiter.company", r.Recruiter.Company, Fields.MaxNameLength),
                    f.Optional<Guid>("recruiter.companyId", r.Recruiter.CompanyId, f.Guid), null);
                var police = f.OptionalText("policeCaseNumber", r.PoliceCaseNumber, 100);
                if (f.Problem is not null) return f.Problem;

                var origins = await WorkerOrigins.Of(session, people.Where(p => p.Details is null).Select(p => p.WorkerId), http.RequestAborted);
                if (recruiter is not null) recruiter = await Recruiters.Flagged(session, recruiter, at, http.RequestAborted);
                var command = new RecordInterception(Guid.CreateVersion7(now), exit, at, country, people, origins, reasons, recruiter, police,
                    caller.Id, caller.Province, now);
                return await http.StartStream<Interception>(command.InterceptionId, () => RecordInterceptionDecision.Decide(command, null),
                    written => Results.Created($"/api/interceptions/{command.InterceptionId}", written.After(InterceptionEvolution.Evolve)));
            })
            .Writes("RecordInterception", StatusCodes.Status201Created);

        interceptions.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http) =>
            {
                if (await session.LoadAsync<Interception>(id, http.RequestAborted) is not { } interception)
                    return Problems.NotFound($"No interception {id}.");
                http.Response.Headers.ETag = Versions.ETag(interception.Version);
                return Results.Ok(interception);
            })
            .WithName("GetInterception")
            .Produces<Interception>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapOutcome(interceptions, "local-employment", "ArrangeLocalEmployment", (r, f, c) =>
            f.Text("employer", r.Employer, out var employer, Fields.MaxNameLength) & f.Date("contractDate", r.ContractDate, out var date)
                ? new ArrangeLocalEmployment(c.Id, c.Worker, employer, date, c.By, c.Province, c.Now) : null);
        MapOutcome(interceptions, "absconding", "RecordAbsconding", (r, f, c) =>
            f.Date("on", r.On, out var on) ? new RecordAbsconding(c.Id, c.Worker, on, c.By, c.Province, c.Now) : null);
        MapOutcome(interceptions, "police-referral", "ReferToPolice", (r, f, c) =>
            f.Text("caseNumber", r.CaseNumber, out var number, 100) ? new ReferToPolice(c.Id, c.Worker, number, c.By, c.Province, c.Now) : null);
    }

    private sealed record Context(Guid Id, Guid Worker, string By, string Province, DateTimeOffset Now);

    private static void MapOutcome(RouteGroupBuilder group, string path, string name,
        Func<OutcomeRequest, Fields, Context, PersonOutcomeCommand?> parse) =>
        group.MapPost($"/{{id:guid}}/people/{{workerId:guid}}/{path}",
                (Guid id, Guid workerId, OutcomeRequest r, HttpContext http, TimeProvider clock) =>
                {
                    var f = new Fields();
                    var caller = Agency.From(http.User);
                    if (parse(r, f, new Context(id, workerId, caller.Id, caller.Province, clock.GetUtcNow())) is not { } command)
                        return Task.FromResult(f.Problem!);
                    return http.WriteStream<Interception>(id, state => OutcomeDecisions.Decide(command, state),
                        written => Results.Ok(written.After(InterceptionEvolution.Evolve)));
                })
            .Writes(name, StatusCodes.Status200OK);

    private static PersonReference Person(PersonRequest p, int i, Fields f, DateTimeOffset now)
    {
        var id = f.Optional<Guid>($"people[{i}].workerId", p.WorkerId, f.Guid);
        if (p.FullName is null) return new PersonReference(id ?? Guid.Empty, null);
        // A person the registry does not know yet: it registers them under the id given here.
        f.Name($"people[{i}].fullName", p.FullName, out var name);
        f.Sex($"people[{i}].sex", p.Sex, out var sex);
        f.Date($"people[{i}].birthDate", p.BirthDate, out var birth);
        f.Text($"people[{i}].originRegion", p.OriginRegion, out var origin, 13);
        var nik = f.Optional<Nik>($"people[{i}].nik", p.Nik, f.Nik);
        return new PersonReference(id ?? Guid.CreateVersion7(now), new PersonDetails(name, sex, birth, origin, nik?.Value));
    }

    /// <summary>What every write of this service requires and may answer.</summary>
    public static RouteHandlerBuilder Writes(this RouteHandlerBuilder route, string name, int success) => route
        .RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.InterceptionsWrite))
        .WithName(name)
        .Produces<Interception>(success)
        .ProducesWriteProblems();
}
