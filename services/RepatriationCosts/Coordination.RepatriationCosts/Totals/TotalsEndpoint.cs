using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.RepatriationCosts.Totals;

/// <param name="Province">the bearing party's province code; empty for the national agency.</param>
public sealed record CategoryTotal(CostCategory Category, Party BorneBy, string Province, long Amount);

public sealed record CostTotals(DateOnly? From, DateOnly? To, long Total, IReadOnlyList<CategoryTotal> ByCategoryAndBearer);

/// <summary>
/// Totals by category and bearing province, reversals netted: all that integrators see of the
/// costs (no case, person, line or evidence).
/// </summary>
public static class TotalsEndpoint
{
    public static void MapTotals(this RouteGroupBuilder costs) =>
        costs.MapGet("/totals", async (string? from, string? to, IQuerySession session, HttpContext http) =>
            {
                var f = new Fields();
                var start = f.Optional<DateOnly>("from", from, f.Date) ?? DateOnly.MinValue;
                var end = f.Optional<DateOnly>("to", to, f.Date) ?? DateOnly.MaxValue;
                if (f.Problem is not null) return f.Problem;
                var entries = await session.Query<LedgerEntry>().Where(e => e.Date >= start && e.Date <= end).ToListAsync(http.RequestAborted);
                var totals = entries.SelectMany(e => e.Allocations.Select(a => (e.Category, a.Party, a.Amount)))
                    .GroupBy(x => (x.Category, x.Party))
                    .Select(g => new CategoryTotal(g.Key.Category, g.Key.Party, Parties.Parties.ProvinceOf(g.Key.Party), g.Sum(x => x.Amount)))
                    .Where(t => t.Amount != 0)
                    .OrderBy(t => t.Category).ThenBy(t => t.BorneBy)
                    .ToArray();
                return Results.Ok(new CostTotals(from is null ? null : start, to is null ? null : end, totals.Sum(t => t.Amount), totals));
            })
            .RequireAuthorization(p => p.RequireAssertion(c => new[] { Roles.FeedRead, Roles.CostsWrite, Roles.AgreementAdmin }
                .Any(role => c.User.HasClaim(Agency.RoleClaim, role))))
            .WithName("GetCostTotals")
            .Produces<CostTotals>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
