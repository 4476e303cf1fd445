using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Npgsql;

namespace Coordination.WorkerRegistry.Statistics;

public sealed record RegionCount(string Code, string? Name, long Count);

public sealed record YearCount(int Year, long Count);

public sealed record DepartureStatistics(long Total, IReadOnlyList<YearCount> ByYear, IReadOnlyList<RegionCount> ByRegency,
    IReadOnlyList<RegionCount> ByDistrict);

public sealed record NonProceduralStatistics(long Attempts, long Workers, IReadOnlyList<RegionCount> ByRegency,
    IReadOnlyList<RegionCount> ByDistrict);

/// <summary>Counts over workers whose origin is in <see cref="Region"/>; departures dated From…To.</summary>
public sealed record RegistryStatistics(string Region, string? RegionName, DateOnly? From, DateOnly? To, long Workers,
    IReadOnlyDictionary<string, long> ByStatus, DepartureStatistics Departures, NonProceduralStatistics NonProcedural);

/// <summary>
/// Statistics by origin region, straight from the worker documents in SQL (counting in the
/// database, not in memory). Merged records are left out: their history is the survivor's.
/// </summary>
public static class StatisticsEndpoint
{
    // Worker documents of this service's own schema, as WorkerProjection keeps them, whose
    // origin is the region $1 or inside it; with their history entries as h.
    private const string InRegion = """
        d.data ->> 'mergedInto' is null
          and (d.data ->> 'originRegion' = $1 or d.data ->> 'originRegion' like $1 || '.%')
        """;

    private const string Workers = $"from worker_registry.mt_doc_worker d where {InRegion}";

    private const string Entries =
        $"from worker_registry.mt_doc_worker d cross join lateral jsonb_array_elements(d.data -> 'history') h where {InRegion}";

    // Origins are districts or villages in them (RegionCatalog.IsKnownOrigin): the first 8 characters are the district.
    private const string ByStatus = $"select d.data ->> 'status', count(*) {Workers} group by 1";

    private const string Departures = $"""
        select left(d.data ->> 'originRegion', 8), extract(year from (h ->> 'on')::date)::int, count(*)
        {Entries}
          and h ->> 'kind' = '{HistoryKinds.Departed}' and (h ->> 'on')::date between $2 and $3
        group by 1, 2
        """;

    // As HistoryEntry.IsNonProceduralAttempt counts them.
    private const string Attempts = $"""
        select left(d.data ->> 'originRegion', 8), count(*), count(distinct d.id)
        {Entries}
          and (h ->> 'kind' = '{HistoryKinds.Intercepted}' or (h ->> 'kind' = '{HistoryKinds.Deceased}' and (h ->> 'nonProcedural')::boolean))
        group by 1
        """;

    public static void MapStatistics(this RouteGroupBuilder registry) =>
        registry.MapGet("/statistics", async (string? region, string? from, string? to, NpgsqlDataSource db, HttpContext http) =>
            {
                var f = new Fields();
                var code = RegionCode.TryParse(region ?? Provinces.Ntt, out var parsed) ? parsed.Value : null;
                if (code is null || RegionCatalog.Find(code) is null)
                    return Problems.Malformed("region", "region is a known region code such as 53 or 53.01.");
                var start = f.Optional<DateOnly>("from", from, f.Date);
                var end = f.Optional<DateOnly>("to", to, f.Date);
                if (f.Problem is not null) return f.Problem;
                if (start > end) return Problems.Malformed("to", "to is on or after from.");

                var ct = http.RequestAborted;
                var byStatus = (await Rows(db, ByStatus, [code], ct)).ToDictionary(r => (string)r[0], r => (long)r[1]);
                var departures = await Rows(db, Departures, [code, start ?? DateOnly.MinValue, end ?? DateOnly.MaxValue], ct);
                var attempts = await Rows(db, Attempts, [code], ct);

                return Results.Ok(new RegistryStatistics(code, RegionCatalog.NameOf(code), start, end, byStatus.Values.Sum(), byStatus,
                    new DepartureStatistics(departures.Sum(r => (long)r[2]),
                        departures.GroupBy(r => (int)r[1]).Select(g => new YearCount(g.Key, g.Sum(r => (long)r[2]))).OrderBy(y => y.Year).ToArray(),
                        ByRegion(departures, 5, r => (long)r[2]), ByRegion(departures, 8, r => (long)r[2])),
                    new NonProceduralStatistics(attempts.Sum(r => (long)r[1]), attempts.Sum(r => (long)r[2]),
                        ByRegion(attempts, 5, r => (long)r[1]), ByRegion(attempts, 8, r => (long)r[1]))));
            })
            .WithName("GetRegistryStatistics")
            .Produces<RegistryStatistics>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>Sums rows whose first column is a district code by its first <paramref name="length"/> characters.</summary>
    private static RegionCount[] ByRegion(IEnumerable<object[]> rows, int length, Func<object[], long> count) =>
        rows.GroupBy(r => ((string)r[0])[..length])
            .Select(g => new RegionCount(g.Key, RegionCatalog.NameOf(g.Key), g.Sum(count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToArray();

    private static async Task<List<object[]>> Rows(NpgsqlDataSource db, string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
