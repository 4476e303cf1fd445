using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Requests;
using Marten;

namespace Coordination.WorkerRegistry.Companies.Reading;

public static class ReadCompanyEndpoints
{
    public static void MapReadCompanies(this RouteGroupBuilder companies)
    {
        companies.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http, TimeProvider clock) =>
                await session.LoadAsync<Company>(id, http.RequestAborted) is { } company
                    ? Ok(http, company, CompanyView.Of(company, clock.GetUtcNow()))
                    : Problems.NotFound($"No company {id}."))
            .WithName("GetCompany")
            .Produces<CompanyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The interceptions service asks this to flag recruiters without a valid licence.
        companies.MapGet("/{id:guid}/licence", async (Guid id, string? on, IQuerySession session, HttpContext http, TimeProvider clock) =>
            {
                var day = Wita.DayOf(clock.GetUtcNow());
                var f = new Fields();
                if (on is not null && !f.Date("on", on, out day)) return f.Problem!;
                return await session.LoadAsync<Company>(id, http.RequestAborted) is { } company
                    ? Ok(http, company, company.LicenceOn(day))
                    : Problems.NotFound($"No company {id}.");
            })
            .WithName("GetCompanyLicence")
            .Produces<LicenceAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        companies.MapGet("/", async (string? name, string? licenceNumber, IQuerySession session, HttpContext http, TimeProvider clock) =>
            {
                var query = session.Query<Company>().AsQueryable();
                if (licenceNumber is not null)
                {
                    var number = LicenceClaims.Normal(licenceNumber);
                    query = query.Where(c => c.LicenceNumber == number);
                }
                if (name is not null) query = query.Where(c => c.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
                var found = await query.OrderBy(c => c.Name).Take(ReadLimit).ToListAsync(http.RequestAborted);
                var now = clock.GetUtcNow();
                return Results.Ok(found.Select(c => CompanyView.Of(c, now)).ToArray());
            })
            .WithName("SearchCompanies")
            .Produces<CompanyView[]>();
    }

    /// <summary>There are a few hundred licensed P3MI in Indonesia: one page holds them all.</summary>
    private const int ReadLimit = 1000;

    private static IResult Ok<T>(HttpContext http, Company company, T body)
    {
        http.Response.Headers.ETag = Versions.ETag(company.Version);
        return Results.Ok(body);
    }
}
