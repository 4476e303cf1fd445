using Coordination.Eventing;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.RepatriationCosts.Clearing.Statements;

/// <summary>A closed period without its lines: the balances of every pair, who answered, the settlement.</summary>
public sealed record PeriodView(string Period, int Entries, long Total, IReadOnlyList<Balance> Balances, IReadOnlyList<Party> Involved,
    IReadOnlyList<Answer> Answers, Settlement? Settlement, DateTimeOffset ClosedAt)
{
    public static PeriodView Of(ClearingPeriod p) =>
        new(p.Period, p.Entries.Count, p.Entries.Sum(e => e.Amount), Clearing.Balances.Clearing(p.Entries), p.Involved, p.Answers, p.Settlement, p.ClosedAt);
}

public static class StatementEndpoints
{
    public static void MapStatements(this RouteGroupBuilder periods)
    {
        periods.MapGet("/{period}", async (string period, IQuerySession session, HttpContext http) =>
            {
                var (found, problem) = await Load(period, session, http);
                return problem ?? Results.Ok(PeriodView.Of(found!));
            })
            .ReadsCosts<PeriodView>("GetPeriod");

        periods.MapGet("/{period}/statements/{party}", async (string period, string party, string? format, IQuerySession session, HttpContext http) =>
            {
                var f = new Fields();
                f.Choice<Party>("party", party, out var side);
                if (f.Problem is not null) return f.Problem;
                var caller = Agency.From(http.User);
                if (!caller.Has(Roles.AgreementAdmin) && Parties.Parties.ActingFor(caller) != side)
                    return Problems.For(new NotYours("Another party's statement", "A party reads its own statement; the secretariat reads all."));
                var (found, problem) = await Load(period, session, http);
                if (problem is not null) return problem;
                var statement = Statement.For(found!, side);
                var csv = format == "csv" || http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal);
                return csv ? Results.Text(statement.ToCsv(), "text/csv; charset=utf-8") : Results.Ok(statement);
            })
            .ReadsCosts<Statement>("GetStatement")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    public static async Task<(ClearingPeriod? Period, IResult? Problem)> Load(string period, IQuerySession session, HttpContext http)
    {
        if (!Periods.TryParse(period, out _)) return (null, Periods.Malformed());
        var found = await session.LoadAsync<ClearingPeriod>(ClearingPeriod.StreamOf(period), http.RequestAborted);
        if (found is null) return (null, Problems.NotFound($"Period {period} is not closed (yet)."));
        http.Response.Headers.ETag = Versions.ETag(found.Version);
        return (found, null);
    }
}
