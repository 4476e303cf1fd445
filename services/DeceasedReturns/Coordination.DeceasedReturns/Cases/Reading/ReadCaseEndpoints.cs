using Coordination.Eventing;
using Coordination.DeceasedReturns.History;
using Coordination.ServiceDefaults;
using Marten;
using Marten.Linq.MatchesSql;

namespace Coordination.DeceasedReturns.Cases.Reading;

public static class ReadCaseEndpoints
{
    public static void MapReadCases(this RouteGroupBuilder deceased)
    {
        deceased.MapGet("/cases/{id:guid}", async (Guid id, IQuerySession session, HttpContext http) =>
            {
                if (await session.LoadAsync<ReturnCase>(id, http.RequestAborted) is not { } found)
                    return Problems.NotFound($"No return case {id}.");
                http.Response.Headers.ETag = Versions.ETag(found.Version);
                var history = await PersonHistory.Of(session, found.WorkerId, http.RequestAborted);
                return Results.Ok(CaseView.Of(found, Agency.From(http.User), history));
            })
            .WithName("GetReturnCase")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        deceased.MapGet("/board", async (string? province, string? nextStep, IQuerySession session, HttpContext http) =>
            {
                // Stages are stored as ContractJson's kebab-case strings, which LINQ does not know.
                var query = session.Query<ReturnCase>().Where(c => c.MatchesSql("d.data ->> 'stage' <> 'closed'"));
                if (province is not null) query = query.Where(c => c.Province == province);
                var open = await query.OrderBy(c => c.ReportedAt).ToListAsync(http.RequestAborted);
                var personal = Agency.From(http.User).Has(Roles.PiiRead);
                return Results.Ok(open.Select(c => BoardEntry.Of(c, personal)).Where(e => nextStep is null || e.NextStep == nextStep).ToArray());
            })
            .WithName("ReturnBoard")
            .Produces<BoardEntry[]>();
    }
}
