using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;
using Marten;
using Microsoft.Extensions.Options;

namespace Coordination.RepatriationCosts.ShelterStays.Posting;

public sealed record OpenStayRequest(string? WorkerId, string? Shelter, string? OpenedOn, long? Tariff);

public sealed record CloseStayRequest(string? ClosedOn, string? Reason);

/// <summary>Stays the shelter's agency posts itself (e.g. a transfer in), beside those opened from interceptions.</summary>
public static class StayEndpoints
{
    public static void MapStays(this RouteGroupBuilder costs)
    {
        costs.MapPost("/stays", async (OpenStayRequest r, HttpContext http, IQuerySession session, ShelterTariffs tariffs,
                IOptions<CostOptions> options, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Guid("workerId", r.WorkerId, out var worker);
                f.Text("shelter", r.Shelter, out var shelter, Fields.MaxNameLength);
                f.Date("openedOn", r.OpenedOn, out var on);
                if (f.Problem is not null) return f.Problem;
                var caller = Agency.From(http.User);
                if (Parties.Parties.ActingFor(caller) is not (Party.Ntt or Party.Kalbar or Party.Kepri))
                    return Problems.For(new NotYours("Not a province", "Shelters are the provinces'; a province's labour office posts its stays."));
                if (await session.LoadAsync<CaseFile>(worker, http.RequestAborted) is null)
                    return Problems.For(new RuleBroken("workerId", "Unknown case", $"No intercepted person {worker} is known."));
                // A night is one line's worth at most, so that nights × tariff stays far inside a long.
                if (r.Tariff > options.Value.MaxLineAmount)
                    return Problems.For(new RuleBroken("tariff", "Over the bound", $"A night's tariff is at most {options.Value.MaxLineAmount} rupiah."));
                var open = await ShelterStayIntake.OpenStayOf(session, worker, http.RequestAborted) is not null;
                var now = clock.GetUtcNow();
                var command = new OpenStay(Guid.CreateVersion7(now), worker, caller.Province, shelter, r.Tariff ?? tariffs.For(caller.Province), on, open,
                    caller.Id, Wita.DayOf(now), now);
                return await http.StartStream<ShelterStay>(command.StayId, () => ShelterStayDecisions.Decide(command, null),
                    written => Results.Created($"/api/costs/stays/{command.StayId}", written.After(ShelterStayEvolution.Evolve)));
            })
            .WritesCosts<ShelterStay>("OpenShelterStay", StatusCodes.Status201Created);

        costs.MapPost("/stays/{id:guid}/closure", (Guid id, CloseStayRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Date("closedOn", r.ClosedOn, out var on);
                var reason = f.Optional<StayEnd>("reason", r.Reason, f.Choice) ?? StayEnd.Other;
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                var caller = Agency.From(http.User);
                var now = clock.GetUtcNow();
                // A BP3MI office acts for BP2MI, not for its province's shelters.
                var province = Parties.Parties.ActingFor(caller) is { } party ? Parties.Parties.ProvinceOf(party) : "";
                var command = new CloseStay(id, on, reason, province, caller.Id, Wita.DayOf(now), now);
                return http.WriteStream<ShelterStay>(id, s => ShelterStayDecisions.Decide(command, s), written => Results.Ok(written.After(ShelterStayEvolution.Evolve)));
            })
            .WritesCosts<ShelterStay>("CloseShelterStay", StatusCodes.Status200OK);
    }
}
