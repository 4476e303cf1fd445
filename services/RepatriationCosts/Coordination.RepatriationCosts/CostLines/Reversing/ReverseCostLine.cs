using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;

namespace Coordination.RepatriationCosts.CostLines.Reversing;

public sealed record ReverseCostLine(Guid LineId, Guid ReversalId, string Reason, Party? Caller, string By, DateOnly Today, DateTimeOffset Now);

public sealed record ReverseRequest(string? Reason);

/// <summary>Corrections are reversals of a whole line (then, if need be, a new line), never edits.</summary>
public static class ReverseCostLineDecision
{
    public static Decision Decide(ReverseCostLine c, CostLine? state)
    {
        if (state is null) return new Missing("No such line", $"No cost line {c.LineId}.");
        if (state.PaidBy != c.Caller) return new NotYours("Another party's line", "Only the party that paid a line reverses it.");
        if (state.Reversal is { } done) return new StateConflict("Already reversed", $"The line was reversed on {done.Date:yyyy-MM-dd}.");
        return Decision.Accept(new CostLineReversed(state.Id, c.ReversalId, c.Today, c.Reason, state.CaseId, state.Category, state.PaidBy,
            state.PaidByAgency, state.EvidenceReference, state.StayId, state.Amount, Allocation.Reversed(state.Allocations), c.By, c.Now));
    }

    public static void MapReverseCostLine(this RouteGroupBuilder costs) =>
        costs.MapPost("/lines/{id:guid}/reversal", (Guid id, ReverseRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Text("reason", r.Reason, out var reason);
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                var caller = Agency.From(http.User);
                var now = clock.GetUtcNow();
                var command = new ReverseCostLine(id, Guid.CreateVersion7(now), reason, Parties.Parties.ActingFor(caller), caller.Id, Wita.DayOf(now), now);
                return http.WriteStream<CostLine>(id, s => Decide(command, s), written => Results.Ok(written.After(CostLineEvolution.Evolve)));
            })
            .WritesCosts<CostLine>("ReverseCostLine", StatusCodes.Status200OK);
}
