using Coordination.Eventing;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.ShelterStays;
using Marten;

namespace Coordination.RepatriationCosts.CostLines.Reading;

/// <summary>A case as this service knows it: the phase it is in today, its lines, their ledger entries (and where they were cleared), its stays.</summary>
public sealed record CaseView(CaseFile Case, string? OriginRegion, string PhaseToday, IReadOnlyList<CostLine> Lines, IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<ShelterStay> Stays);

public static class ReadEndpoints
{
    public static void MapReads(this RouteGroupBuilder costs)
    {
        costs.MapGet("/lines/{id:guid}", (Guid id, IQuerySession session, HttpContext http) =>
                Read<CostLine>(session, http, id, l => l.Version))
            .ReadsCosts<CostLine>("GetCostLine");

        costs.MapGet("/stays/{id:guid}", (Guid id, IQuerySession session, HttpContext http) =>
                Read<ShelterStay>(session, http, id, s => s.Version))
            .ReadsCosts<ShelterStay>("GetShelterStay");

        costs.MapGet("/cases/{id:guid}", async (Guid id, IQuerySession session, TimeProvider clock, HttpContext http) =>
            {
                var ct = http.RequestAborted;
                var (file, origin) = await Cases.Cases.Find(session, id, ct);
                if (file is null) return Problems.NotFound($"No case {id} is known (yet).");
                var lines = await session.Query<CostLine>().Where(l => l.CaseId == id).OrderBy(l => l.PostedAt).ToListAsync(ct);
                var entries = await session.Query<LedgerEntry>().Where(e => e.CaseId == id).OrderBy(e => e.Date).ToListAsync(ct);
                var stays = await session.Query<ShelterStay>().Where(s => file.People.Contains(s.WorkerId)).ToListAsync(ct);
                var phase = Contracts.ContractJson.NameOf(file.PhaseOn(Contracts.Wita.DayOf(clock.GetUtcNow())));
                return Results.Ok(new CaseView(file, file.OriginRegion ?? origin, phase, lines, entries, stays));
            })
            .ReadsCosts<CaseView>("GetCase");
    }

    private static async Task<IResult> Read<T>(IQuerySession session, HttpContext http, Guid id, Func<T, long> version) where T : class
    {
        if (await session.LoadAsync<T>(id, http.RequestAborted) is not { } found) return Problems.NotFound($"No {typeof(T).Name} {id}.");
        http.Response.Headers.ETag = Versions.ETag(version(found));
        return Results.Ok(found);
    }
}
