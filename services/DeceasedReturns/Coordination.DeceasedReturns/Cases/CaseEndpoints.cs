using Coordination.DeceasedReturns.Cases.Reading;
using Coordination.Eventing;
using Coordination.ServiceDefaults;

namespace Coordination.DeceasedReturns.Cases;

/// <summary>
/// One call of a step: who calls and when (every write records the agency), its route values,
/// and a 400 for a field in a format only this service knows (an air waybill, an airport code).
/// </summary>
public sealed class Call(string by, string province, DateTimeOffset now, RouteValueDictionary route)
{
    public string By => by;
    public string Province => province;
    public DateTimeOffset Now => now;
    public IResult? Problem { get; private set; }

    public string? Route(string name) => route[name] as string;

    public void Malformed(string field, string detail) => Problem ??= Problems.Malformed(field, detail);
}

public static class CaseLinks
{
    public static string Of(Guid id) => $"/api/deceased/cases/{id}";
}

public static class CaseEndpoints
{
    public const string One = "/cases/{id:guid}";

    /// <summary>
    /// A step of an existing case: <paramref name="parse"/> reads the request into the decision to
    /// take; a malformed field (in <see cref="Fields"/> or <see cref="Call"/>) answers 400 instead.
    /// </summary>
    public static void MapStep<TRequest>(this RouteGroupBuilder deceased, string path, string name,
        Func<Guid, TRequest, Fields, Call, Func<ReturnCase?, Decision>> parse) =>
        deceased.MapPost(One + path, (Guid id, TRequest r, HttpContext http, TimeProvider clock) =>
            {
                if (r is null) return Task.FromResult(Problems.NoBody());
                var f = new Fields();
                var agency = Agency.From(http.User);
                var call = new Call(agency.Id, agency.Province, clock.GetUtcNow(), http.Request.RouteValues);
                var decide = parse(id, r, f, call);
                if ((f.Problem ?? call.Problem) is { } problem) return Task.FromResult(problem);
                return http.WriteStream(id, decide, written => Results.Ok(CaseView.Of(written.After(CaseEvolution.Evolve)!, agency)));
            })
            .Writes(name, StatusCodes.Status200OK);

    /// <summary>What every write of this service requires and may answer.</summary>
    public static RouteHandlerBuilder Writes(this RouteHandlerBuilder route, string name, int success) => route
        .RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.DeceasedWrite))
        .WithName(name)
        .Produces<CaseView>(success)
        .ProducesWriteProblems();
}
