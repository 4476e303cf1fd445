using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Repatriation;

// The remains travel as air cargo under one air waybill, over legs ending at an airport of
// the deceased's province (El Tari, KOE, for NTT), where the receiving agency confirms them.

public sealed record ArrangeRepatriation(Guid CaseId, string Carrier, string AirWaybill, IReadOnlyList<Leg> Legs, string By, DateTimeOffset Now);

public sealed record DepartRemains(Guid CaseId, DateTimeOffset DepartedAt, string By, DateTimeOffset Now);

public sealed record ConfirmArrival(Guid CaseId, DateTimeOffset ArrivedAt, string By, string CallerProvince, DateTimeOffset Now);

public static class RepatriationDecisions
{
    public static Decision Decide(ArrangeRepatriation c, ReturnCase? state)
    {
        // Arranged again before departure, the new booking replaces the old (a missed connection).
        if (CaseRules.Check(state, c.CaseId, "arrange the repatriation", [CaseStage.Reported, CaseStage.RepatriationArranged]) is { } refused)
            return refused;
        if (c.Legs.Count == 0) return new RuleBroken("legs", "No route", "The route has at least one leg.");
        for (var i = 1; i < c.Legs.Count; i++)
        {
            if (c.Legs[i].From != c.Legs[i - 1].To)
                return new RuleBroken($"legs[{i}].from", "Broken route", $"Leg {i + 1} must leave from {c.Legs[i - 1].To}, where leg {i} ends.");
            if (c.Legs[i].ExpectedArrival < c.Legs[i - 1].ExpectedArrival)
                return new RuleBroken($"legs[{i}].expectedArrival", "Arrivals out of order", $"Leg {i + 1} cannot arrive before leg {i}.");
        }
        var last = c.Legs.Count - 1;
        if (ExitPoints.Find(c.Legs[last].To) is not { Kind: "airport" } airport || airport.Province != state!.Province)
            return new RuleBroken($"legs[{last}].to", "Not home",
                $"The route ends at an airport of province {state!.Province}, where the receiving agency takes the remains (KOE for NTT).");
        return Decision.Accept(new RepatriationArranged(c.CaseId, state.Province, c.Carrier, c.AirWaybill, c.Legs, c.By, c.Now));
    }

    public static Decision Decide(DepartRemains c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "depart", [CaseStage.RepatriationArranged]) is { } refused) return refused;
        if (state!.MissingDocuments.Count > 0)
            return new StateConflict("Documents missing", $"The remains cannot depart without every required document verified. {state.Describe()}");
        if (CaseRules.NotInFuture("departedAt", c.DepartedAt, c.Now) is { } future) return future;
        if (Wita.DayOf(c.DepartedAt) < state.DiedOn)
            return new RuleBroken("departedAt", "Before the death", "departedAt cannot be before diedOn.");
        return Decision.Accept(new RemainsDeparted(c.CaseId, state.Province, state.Repatriation!.Legs[0].From, c.DepartedAt, c.By, c.Now));
    }

    public static Decision Decide(ConfirmArrival c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "confirm the arrival", [CaseStage.Departed], c.CallerProvince) is { } refused) return refused;
        if ((CaseRules.NotInFuture("arrivedAt", c.ArrivedAt, c.Now) ?? CaseRules.NotBefore("arrivedAt", c.ArrivedAt, state!.Departed!.At, "the departure"))
            is { } wrong) return wrong;
        return Decision.Accept(new RemainsArrived(c.CaseId, state!.Province, state.Repatriation!.Legs[^1].To, c.ArrivedAt, c.By, c.Now));
    }
}
