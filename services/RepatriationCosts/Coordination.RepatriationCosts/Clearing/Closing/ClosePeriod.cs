using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.RepatriationCosts.CostLines;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.RepatriationCosts.Clearing.Closing;

/// <param name="Uncleared">every entry no closed period cleared yet, dated up to the period's last day.</param>
/// <param name="LatestClosed">the latest period closed so far, if any.</param>
public sealed record ClosePeriod(DateOnly FirstDay, IReadOnlyList<LedgerEntry> Uncleared, string? LatestClosed, string By, DateOnly Today, DateTimeOffset Now);

/// <summary>
/// Closing clears every entry not cleared before and dated up to the month's end: a line
/// recorded late, or a reversal of a disputed line, is cleared by the next period closed.
/// </summary>
public static class ClosePeriodDecision
{
    public static Decision Decide(ClosePeriod c, ClearingPeriod? state)
    {
        var period = Periods.Name(c.FirstDay);
        if (state is not null) return new StateConflict("Already closed", $"Period {period} closed at {state.ClosedAt:O}.");
        if (c.FirstDay > c.Today) return new RuleBroken("period", "Not begun", $"Period {period} has not begun.");
        if (c.LatestClosed is { } latest && string.CompareOrdinal(latest, period) > 0)
            return new StateConflict("A later period is closed", $"Period {latest} is closed; periods close in order.");
        var last = c.FirstDay.AddMonths(1).AddDays(-1);
        var entries = c.Uncleared.Where(e => e.ClearedIn is null && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new ClearedEntry(e.Id, e.LineId, e.Reversal, e.Date, e.Category, e.CaseId, e.PaidBy, e.Amount, e.Allocations, e.EvidenceReference))
            .ToArray();
        return Decision.Accept(new PeriodClosed(period, entries, c.By, c.Now));
    }

    public static void MapClosePeriod(this RouteGroupBuilder periods) =>
        periods.MapPost("/{period}/close", async (string period, HttpContext http, IQuerySession session, TimeProvider clock) =>
            {
                if (!Periods.TryParse(period, out var first)) return Periods.Malformed();
                var ct = http.RequestAborted;
                var last = first.AddMonths(1).AddDays(-1);
                var uncleared = await session.Query<LedgerEntry>().Where(e => e.ClearedIn == null && e.Date <= last).ToListAsync(ct);
                var latest = (await session.Query<ClearingPeriod>().OrderByDescending(p => p.Period).Take(1).ToListAsync(ct)).FirstOrDefault()?.Period;
                var now = clock.GetUtcNow();
                var command = new ClosePeriod(first, uncleared, latest, Agency.From(http.User).Id, Wita.DayOf(now), now);
                return await http.WriteStream<ClearingPeriod>(ClearingPeriod.StreamOf(Periods.Name(first)), s => Decide(command, s),
                    written => Results.Created($"/api/costs/periods/{Periods.Name(first)}", PeriodView.Of(written.After(ClearingPeriodEvolution.Evolve)!)));
            })
            .AdministersAgreement<PeriodView>("ClosePeriod", StatusCodes.Status201Created);
}
