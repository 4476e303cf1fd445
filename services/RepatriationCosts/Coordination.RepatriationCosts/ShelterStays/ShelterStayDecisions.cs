using Coordination.Eventing;

namespace Coordination.RepatriationCosts.ShelterStays;

public sealed record OpenStay(Guid StayId, Guid WorkerId, string Province, string Shelter, long Tariff, DateOnly OpenedOn,
    bool AlreadySheltered, string By, DateOnly Today, DateTimeOffset Now);

public sealed record CloseStay(Guid StayId, DateOnly ClosedOn, StayEnd Reason, string CallerProvince, string By, DateOnly Today, DateTimeOffset Now);

public static class ShelterStayDecisions
{
    public static Decision Decide(OpenStay c, ShelterStay? state)
    {
        if (state is not null) return new StateConflict("Already open", $"Stay {c.StayId} exists.");
        if (c.AlreadySheltered) return new StateConflict("Already sheltered", $"Worker {c.WorkerId} already has an open shelter stay.");
        if (c.OpenedOn > c.Today) return new RuleBroken("openedOn", "In the future", "openedOn cannot be after today.");
        if (c.Tariff <= 0) return new RuleBroken("tariff", "Not positive", "A tariff is a positive whole number of rupiah.");
        return Decision.Accept(new ShelterStayOpened(c.StayId, c.WorkerId, c.Province, c.Shelter, c.Tariff, c.OpenedOn, c.By, c.Now));
    }

    public static Decision Decide(CloseStay c, ShelterStay? state)
    {
        if (state is null) return new Missing("No such stay", $"No shelter stay {c.StayId}.");
        if (state.Province != c.CallerProvince)
            return new NotYours("Another province's shelter", "Only the shelter's province closes its stays.");
        if (state.ClosedOn is not null) return new StateConflict("Already closed", $"The stay closed on {state.ClosedOn:yyyy-MM-dd}.");
        if (c.ClosedOn < state.OpenedOn || c.ClosedOn > c.Today)
            return new RuleBroken("closedOn", "Outside the stay", "closedOn is between the day the stay opened and today.");
        return Decision.Accept(new ShelterStayClosed(c.StayId, state.WorkerId, state.Province, c.ClosedOn,
            c.ClosedOn.DayNumber - state.OpenedOn.DayNumber, c.Reason, c.By, c.Now));
    }
}
