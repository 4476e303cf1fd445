using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Npgsql;

namespace Coordination.DeceasedReturns.Statistics;

public sealed record Tally(string Key, string? Name, long Count);

/// <summary>Remains returned (arrived home) From…To, by WITA day of arrival.</summary>
public sealed record ReturnStatistics(DateOnly? From, DateOnly? To, string? Province, long Returned, IReadOnlyList<Tally> ByYear,
    IReadOnlyList<Tally> ByProceduralStatus, IReadOnlyList<Tally> ByOriginRegency, IReadOnlyList<Tally> ByCountryOfDeath,
    IReadOnlyList<Tally> ByCause);

/// <summary>
/// Counts of returned remains straight from the case documents in SQL, counted in the database.
/// Only counts: the cause of one person's death is personal, a tally of causes is not, unless it
/// is small enough to point at someone (one arrival on a day the log shows): without
/// <c>pii:read</c>, causes counted fewer than <see cref="MinCauseCount"/> times are left out.
/// </summary>
public static class StatisticsEndpoint
{
    public const int MinCauseCount = 5;

    // Case documents of this service's own schema, as ReturnCaseProjection keeps them, grouped by
    // every dimension at once; each tally sums the groups. Origins are districts or villages in
    // them, so the first 5 characters are the regency.
    private const string Returns = """
        select extract(year from x.arrived)::int, d.data ->> 'proceduralStatus', left(d.data ->> 'originRegion', 5),
               d.data ->> 'countryOfDeath', d.data ->> 'cause', count(*)
        from deceased_returns.mt_doc_returncase d
          cross join lateral (select ((d.data -> 'arrived' ->> 'at')::timestamptz at time zone interval '8 hours')::date as arrived) x
        where x.arrived between $1 and $2 and ($3 = '' or d.data ->> 'province' = $3)
        group by 1, 2, 3, 4, 5
        """;

    private sealed record Group(int Year, string Status, string Regency, string Country, string Cause, long Count);

    public static void MapStatistics(this RouteGroupBuilder deceased) =>
        deceased.MapGet("/statistics", async (string? from, string? to, string? province, NpgsqlDataSource db, HttpContext http) =>
            {
                var f = new Fields();
                var start = f.Optional<DateOnly>("from", from, f.Date);
                var end = f.Optional<DateOnly>("to", to, f.Date);
                if (f.Problem is not null) return f.Problem;
                if (start > end) return Problems.Malformed("to", "to is on or after from.");
                if (province is not null && RegionCatalog.Find(province) is not { Level: "province" })
                    return Problems.Malformed("province", "province is a province code such as 53.");

                var groups = await Groups(db, start ?? DateOnly.MinValue, end ?? DateOnly.MaxValue, province ?? "", http.RequestAborted);
                var causes = Sum(groups, g => g.Cause);
                if (!Agency.From(http.User).Has(Roles.PiiRead)) causes = [.. causes.Where(t => t.Count >= MinCauseCount)];
                return Results.Ok(new ReturnStatistics(start, end, province, groups.Sum(g => g.Count),
                    Sum(groups, g => g.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), Sum(groups, g => g.Status),
                    Sum(groups, g => g.Regency, RegionCatalog.NameOf), Sum(groups, g => g.Country), causes));
            })
            .WithName("GetReturnStatistics")
            .Produces<ReturnStatistics>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Tally[] Sum(IEnumerable<Group> groups, Func<Group, string> key, Func<string, string?>? name = null) =>
        [.. groups.GroupBy(key).Select(g => new Tally(g.Key, name?.Invoke(g.Key), g.Sum(x => x.Count)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static async Task<List<Group>> Groups(NpgsqlDataSource db, DateOnly from, DateOnly to, string province, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Returns);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = province });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = new List<Group>();
        while (await reader.ReadAsync(ct))
            groups.Add(new Group(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5)));
        return groups;
    }
}
