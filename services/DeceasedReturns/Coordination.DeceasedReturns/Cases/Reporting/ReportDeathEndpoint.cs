using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.DeceasedReturns.Cases.Reading;
using Coordination.DeceasedReturns.History;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.DeceasedReturns.Cases.Reporting;

/// <summary>The deceased: a registry <c>workerId</c>, or the details of a person the registry does not know.</summary>
public sealed record DeceasedRequest(string? WorkerId, string? FullName, string? Sex, string? BirthDate, string? OriginRegion, string? Nik);

public sealed record FamilyContactRequest(string? Name, string? Relation, string? Phone);

public sealed record ReportDeathRequest(
    DeceasedRequest? Deceased, string? CountryOfDeath, string? CityOfDeath, string? DiedOn, string? Cause, string? CauseDetail,
    string? ProceduralStatus, string? Source, FamilyContactRequest? FamilyContact);

public static class ReportDeathEndpoint
{
    public static void MapReportDeath(this RouteGroupBuilder deceased) =>
        deceased.MapPost("/cases", async (ReportDeathRequest r, HttpContext http, IQuerySession session, TimeProvider clock) =>
            {
                var f = new Fields();
                var now = clock.GetUtcNow();
                var person = Person(r.Deceased, f, now);
                f.Country("countryOfDeath", r.CountryOfDeath, out var country);
                f.Text("cityOfDeath", r.CityOfDeath, out var city, 100);
                f.Date("diedOn", r.DiedOn, out var died);
                f.Choice<CauseOfDeath>("cause", r.Cause, out var cause);
                var detail = f.OptionalText("causeDetail", r.CauseDetail);
                f.Choice<ProceduralStatus>("proceduralStatus", r.ProceduralStatus, out var status);
                f.Choice<NoticeSource>("source", r.Source, out var source);
                var family = r.FamilyContact is null ? null : Contact(r.FamilyContact, "familyContact", f);
                if (f.Problem is not null) return f.Problem;

                if (await DeathClaims.CaseOf(session, person, http.RequestAborted) is { } reported)
                    return Problems.AlreadyHeld(http, CaseLinks.Of(reported), "This person's death is already reported.");
                var caller = Agency.From(http.User);
                var known = person.Details is null ? await PersonHistory.OriginOf(session, person.WorkerId, http.RequestAborted) : null;
                var command = new ReportDeath(Guid.CreateVersion7(now), person, known, country, city, died, cause, detail, status, source,
                    family, caller.Id, now);
                return await http.StartStream<ReturnCase>(command.CaseId, () => ReportDeathDecision.Decide(command, null),
                    written => Results.Created(CaseLinks.Of(command.CaseId), CaseView.Of(written.After(CaseEvolution.Evolve)!, caller)));
            })
            .Writes("ReportDeath", StatusCodes.Status201Created);

    private static PersonReference Person(DeceasedRequest? p, Fields f, DateTimeOffset now)
    {
        p ??= new DeceasedRequest(null, null, null, null, null, null);
        var id = f.Optional<Guid>("deceased.workerId", p.WorkerId, f.Guid);
        if (p.FullName is null)
        {
            if (id is null) f.Guid("deceased.workerId", p.WorkerId, out _);
            return new PersonReference(id ?? Guid.Empty, null);
        }
        // A person the registry does not know yet: it registers them under the id given here.
        f.Name("deceased.fullName", p.FullName, out var name);
        f.Sex("deceased.sex", p.Sex, out var sex);
        f.Date("deceased.birthDate", p.BirthDate, out var birth);
        f.Text("deceased.originRegion", p.OriginRegion, out var origin, 13);
        var nik = f.Optional<Nik>("deceased.nik", p.Nik, f.Nik);
        return new PersonReference(id ?? Guid.CreateVersion7(now), new PersonDetails(name, sex, birth, origin, nik?.Value));
    }

    /// <summary>A family member as given: name, relation (wife, father…), phone if any.</summary>
    public static FamilyContact Contact(FamilyContactRequest r, string field, Fields f)
    {
        f.Name($"{field}.name", r.Name, out var name);
        f.Text($"{field}.relation", r.Relation, out var relation, 50);
        var phone = f.OptionalText($"{field}.phone", r.Phone, f.Phone);
        return new FamilyContact(name, relation, phone);
    }
}
