using Coordination.Contracts;
using TransportMode = Coordination.Contracts.Interceptions.TransportMode;
using Coordination.Eventing;
using Coordination.Interceptions.Interceptions;

namespace Coordination.Interceptions.Handovers;

// A handover between provinces, modelled on interstate transfer compacts: the intercepting
// province requests, only the receiving province replies, the sending side departs, whoever
// receives the people at the end of each leg acknowledges it, and the receiving province
// confirms the arrival home.

/// <param name="Origins">each person's origin region as now known (the registry's, or the interception's details).</param>
public sealed record RequestHandover(Guid InterceptionId, Guid HandoverId, IReadOnlyList<Guid> People, string Shelter,
    IReadOnlyDictionary<Guid, string> Origins, TimeSpan ReplyPeriod, string By, string CallerProvince, DateTimeOffset Now);

public sealed record ReplyToHandover(Guid InterceptionId, Guid HandoverId, bool Accept, RejectionReason? Reason, string? Explanation,
    string By, string CallerProvince, DateTimeOffset Now);

public sealed record DepartHandover(Guid InterceptionId, Guid HandoverId, TransportMode Mode, string Carrier, IReadOnlyList<Leg> Legs,
    string? Escort, string By, string CallerProvince, DateTimeOffset Now);

public sealed record AcknowledgeLeg(Guid InterceptionId, Guid HandoverId, int Leg, string By, DateTimeOffset Now);

public sealed record ConfirmArrival(Guid InterceptionId, Guid HandoverId, IReadOnlyList<Guid> People, string ArrivalPoint,
    DateTimeOffset ArrivedAt, string By, string CallerProvince, DateTimeOffset Now);

public static class HandoverDecisions
{
    public static Decision Decide(RequestHandover c, Interception? state)
    {
        if (state is null) return NoInterception(c.InterceptionId);
        if (state.Province != c.CallerProvince)
            return new NotYours("Another province's interception", "Only the intercepting province requests a handover.");
        if (c.People.Count == 0 || c.People.Distinct().Count() != c.People.Count)
            return new RuleBroken("people", "No people", "Name each person to hand over once.");
        foreach (var id in c.People)
        {
            if (state.PersonOf(id) is not { } person)
                return new RuleBroken("people", "Not on this interception", $"Worker {id} was not stopped in this interception.");
            if (person.Outcome != PersonOutcome.Sheltered)
                return new StateConflict("Not in the shelter", $"Worker {id} is {ContractJson.NameOf(person.Outcome)}.");
        }
        var provinces = c.People.Select(id => c.Origins.GetValueOrDefault(id)?[..2]).Distinct().ToArray();
        if (provinces.Contains(null))
            return new StateConflict("Origin not known yet", "The registry has not told this service every person's origin yet; retry shortly.");
        if (provinces.Length > 1)
            return new RuleBroken("people", "Several origin provinces", "A handover goes to one province: request one per origin province.");
        if (provinces[0] == state.Province)
            return new RuleBroken("people", "Already in the origin province", "These people come from the province that stopped them.");

        return Decision.Accept(new HandoverRequested(c.InterceptionId, state.Province, c.HandoverId, c.People, provinces[0]!, c.Shelter,
            c.Now + c.ReplyPeriod, c.By, c.Now));
    }

    public static Decision Decide(ReplyToHandover c, Interception? state)
    {
        if (Find(state, c.InterceptionId, c.HandoverId, out var handover) is { } missing) return missing;
        if (handover.ToProvince != c.CallerProvince)
            return new NotYours("Not the receiving province", $"Only province {handover.ToProvince} replies to this handover.");
        if (handover.Status != HandoverStatus.Requested)
            return new StateConflict("Already answered", $"The handover is {handover.BoardStatus}.");
        if (!c.Accept && c.Reason == RejectionReason.Other && string.IsNullOrWhiteSpace(c.Explanation))
            return new RuleBroken("explanation", "Other without explanation", "A rejection for another reason explains it.");
        return c.Accept
            ? Decision.Accept(new HandoverAccepted(c.InterceptionId, state!.Province, c.HandoverId, c.By, c.Now))
            : Decision.Accept(new HandoverRejected(c.InterceptionId, state!.Province, c.HandoverId, c.Reason!.Value, c.Explanation, c.By, c.Now));
    }

    public static Decision Decide(DepartHandover c, Interception? state)
    {
        if (Find(state, c.InterceptionId, c.HandoverId, out var handover) is { } missing) return missing;
        if (handover.FromProvince != c.CallerProvince)
            return new NotYours("Not the sending province", "Only the intercepting province records the departure.");
        if (handover.Status != HandoverStatus.Accepted)
            return new StateConflict("Not accepted", $"The handover is {handover.BoardStatus}: people depart only once it is accepted.");
        if (c.Legs.Count == 0) return new RuleBroken("legs", "No legs", "A departure has at least one leg.");
        for (var i = 1; i < c.Legs.Count; i++)
            if (c.Legs[i].ExpectedArrival < c.Legs[i - 1].ExpectedArrival)
                return new RuleBroken($"legs[{i}].expectedArrival", "Legs out of order", "Each leg arrives after the one before.");
        return Decision.Accept(new HandoverDeparted(c.InterceptionId, state!.Province, c.HandoverId, handover.People, c.Mode, c.Carrier, c.Legs, c.Escort, c.By, c.Now));
    }

    public static Decision Decide(AcknowledgeLeg c, Interception? state)
    {
        if (Find(state, c.InterceptionId, c.HandoverId, out var handover) is { } missing) return missing;
        if (handover.Transport is not { } transport || handover.Status is not (HandoverStatus.InTransit or HandoverStatus.FailedToArrive))
            return new StateConflict("Not in transit", $"The handover is {handover.BoardStatus}.");
        if (c.Leg < 1 || c.Leg > transport.Legs.Count)
            return new Missing("No such leg", $"The journey has legs 1 to {transport.Legs.Count}.");
        if (transport.AcknowledgedLegs.Contains(c.Leg))
            return new StateConflict("Already acknowledged", $"Leg {c.Leg} was already acknowledged.");
        return Decision.Accept(new LegAcknowledged(c.InterceptionId, state!.Province, c.HandoverId, c.Leg, transport.Legs[c.Leg - 1].To, c.By, c.Now));
    }

    public static Decision Decide(ConfirmArrival c, Interception? state)
    {
        if (Find(state, c.InterceptionId, c.HandoverId, out var handover) is { } missing) return missing;
        if (handover.ToProvince != c.CallerProvince)
            return new NotYours("Not the receiving province", $"Only province {handover.ToProvince} confirms this arrival.");
        if (handover.Status is not (HandoverStatus.InTransit or HandoverStatus.FailedToArrive))
            return new StateConflict("Not in transit", $"The handover is {handover.BoardStatus}: people arrive only after departing.");
        if (c.People.Count == 0) return new RuleBroken("people", "Nobody", "Name the people who arrived.");
        foreach (var id in c.People)
        {
            if (!handover.People.Contains(id))
                return new StateConflict("Not on this handover", $"Worker {id} is not on this handover.");
            if (handover.Arrived.Contains(id))
                return new StateConflict("Already arrived", $"Worker {id}'s arrival was already confirmed.");
        }
        if (c.ArrivedAt > c.Now.AddMinutes(5)) return new RuleBroken("arrivedAt", "In the future", "arrivedAt cannot be after now.");
        return Decision.Accept(new ArrivalConfirmed(c.InterceptionId, state!.Province, c.HandoverId, [.. c.People.Distinct()],
            c.ArrivalPoint, c.ArrivedAt, c.By, c.Now));
    }

    private static Missing NoInterception(Guid id) => new("No such interception", $"No interception {id}.");

    private static DomainError? Find(Interception? state, Guid interceptionId, Guid handoverId, out Handover handover)
    {
        handover = null!;
        if (state is null) return NoInterception(interceptionId);
        if (state.HandoverOf(handoverId) is not { } found) return new Missing("No such handover", $"No handover {handoverId} on this interception.");
        handover = found;
        return null;
    }
}

/// <summary>The deadlines of every open handover of an interception, as of now. Pure; run by <see cref="DeadlineJob"/>.</summary>
public static class Deadlines
{
    public static Decision Decide(Interception state, DateTimeOffset now, TimeSpan arrivalGrace)
    {
        var events = new List<object>();
        foreach (var h in state.Handovers)
        {
            if (h is { Status: HandoverStatus.Requested, ReplyOverdue: false } && now > h.ReplyDue)
                events.Add(new HandoverReplyOverdue(state.Id, state.Province, h.Id, h.ToProvince, h.ReplyDue, now));
            if (h is { Status: HandoverStatus.InTransit, Transport: { } t } && now > t.ExpectedArrival + arrivalGrace)
                events.Add(new PeopleFailedToArrive(state.Id, state.Province, h.Id, [.. h.People.Except(h.Arrived)], h.ToProvince,
                    t.ExpectedArrival, now));
        }
        return Decision.Accept([.. events]);
    }
}
