using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.ServiceDefaults;

namespace Coordination.RepatriationCosts.Clearing.Settling;

public sealed record SettlePeriod(string Period, string PaymentReference, string By, DateTimeOffset Now);

public sealed record SettleRequest(string? PaymentReference);

/// <summary>
/// The secretariat records that the nets were paid, once every party involved has answered:
/// disputed lines are settled as they stand and put right next period.
/// </summary>
public static class SettlePeriodDecision
{
    public static Decision Decide(SettlePeriod c, ClearingPeriod? state)
    {
        if (state is null) return new Missing("Not closed", $"Period {c.Period} is not closed (yet).");
        if (state.Settlement is { } done) return new StateConflict("Already settled", $"Settled with payment {done.PaymentReference}.");
        var waiting = state.Involved.Where(p => state.Answers.All(a => a.Party != p)).ToArray();
        if (waiting.Length > 0)
            return new StateConflict("Not answered", $"Waiting for {string.Join(", ", waiting.Select(p => ContractJson.NameOf(p)))} to approve or dispute.");
        return Decision.Accept(new PeriodSettled(c.Period, c.PaymentReference, c.By, c.Now));
    }

    public static void MapSettlement(this RouteGroupBuilder periods) =>
        periods.MapPost("/{period}/settlement", (string period, SettleRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Text("paymentReference", r.PaymentReference, out var reference, 100);
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                if (!Periods.TryParse(period, out _)) return Task.FromResult(Periods.Malformed());
                var command = new SettlePeriod(period, reference, Agency.From(http.User).Id, clock.GetUtcNow());
                return http.WriteStream<ClearingPeriod>(ClearingPeriod.StreamOf(period), s => Decide(command, s),
                    written => Results.Ok(PeriodView.Of(written.After(ClearingPeriodEvolution.Evolve)!)));
            })
            .AdministersAgreement<PeriodView>("SettlePeriod", StatusCodes.Status200OK);
}
