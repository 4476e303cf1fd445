using System.Text.Json.Serialization;
using Coordination.Contracts.Interceptions;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.Interceptions.Interceptions;

public enum PersonOutcome
{
    Sheltered,
    HandoverRequested,
    InTransit,
    ReturnedHome,
    FailedToArrive,
    LocalEmployment,
    Absconded,
    ReferredToPolice,
}

public enum HandoverStatus
{
    Requested,
    Accepted,
    Rejected,
    InTransit,
    FailedToArrive,
    Closed,
}

public sealed record Person(Guid WorkerId, string? OriginRegion, PersonOutcome Outcome, Guid? HandoverId);

public sealed record Transport(TransportMode Mode, string Carrier, IReadOnlyList<Leg> Legs, string? Escort, IReadOnlyList<int> AcknowledgedLegs)
{
    public DateTimeOffset ExpectedArrival => Legs[^1].ExpectedArrival;
}

public sealed record Handover(
    Guid Id, IReadOnlyList<Guid> People, string FromProvince, string ToProvince, string Shelter, DateTimeOffset RequestedAt,
    DateTimeOffset ReplyDue, bool ReplyOverdue, HandoverStatus Status, RejectionReason? Rejection, Transport? Transport,
    IReadOnlyList<Guid> Arrived, IReadOnlyList<Guid> Missing)
{
    /// <summary>As the board shows it: a request not answered in time is overdue.</summary>
    public string BoardStatus => Status == HandoverStatus.Requested && ReplyOverdue ? "overdue" : Contracts.ContractJson.NameOf(Status);
}

/// <summary>An interception with each person's outcome and its handovers; <see cref="Version"/> is the stream version.</summary>
public sealed record Interception(
    Guid Id, string Province, string ExitPoint, DateTimeOffset InterceptedAt, string? DestinationCountry,
    IReadOnlyList<Reason> Reasons, Recruiter? Recruiter, string? PoliceCaseNumber, IReadOnlyList<Person> People,
    IReadOnlyList<Handover> Handovers, string RecordedBy, long Version)
{
    public Person? PersonOf(Guid workerId) => People.FirstOrDefault(p => p.WorkerId == workerId);

    public Handover? HandoverOf(Guid id) => Handovers.FirstOrDefault(h => h.Id == id);

    /// <summary>
    /// The earliest moment the deadline job has something to check: a request's reply due, or a
    /// transport's expected arrival (the job adds the grace). Stored in a column of its own with an
    /// index (InterceptionsModule), so that each round reads the interceptions that are due, not
    /// every one with an open handover, which grew with every request left unanswered.
    /// Not part of the record's JSON.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NextDeadline => Handovers
        .Select(h => h switch
        {
            { Status: HandoverStatus.Requested, ReplyOverdue: false } => h.ReplyDue,
            { Status: HandoverStatus.InTransit, Transport: { } t } => t.ExpectedArrival,
            _ => (DateTimeOffset?)null,
        })
        .Min();
}

public static class InterceptionEvolution
{
    public static Interception? Evolve(Interception? state, object @event)
    {
        if (@event is InterceptionRecorded r)
            return new Interception(r.InterceptionId, r.Province, r.ExitPoint, r.InterceptedAt, r.DestinationCountry, r.Reasons,
                r.Recruiter, r.PoliceCaseNumber, [.. r.People.Select(p => new Person(p.WorkerId, p.OriginRegion, PersonOutcome.Sheltered, null))],
                [], r.RecordedBy, 1);
        if (state is null) return null;

        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            HandoverRequested e => state.WithPeople(e.People, PersonOutcome.HandoverRequested, e.HandoverId) with
            {
                Handovers = [.. state.Handovers, new Handover(e.HandoverId, e.People, e.Province, e.ToProvince, e.Shelter, e.RequestedAt,
                    e.ReplyDue, false, HandoverStatus.Requested, null, null, [], [])],
            },
            HandoverAccepted e => state.WithHandover(e.HandoverId, h => h with { Status = HandoverStatus.Accepted }),
            HandoverRejected e => state.WithPeople(state.HandoverOf(e.HandoverId)!.People, PersonOutcome.Sheltered, null)
                .WithHandover(e.HandoverId, h => h with { Status = HandoverStatus.Rejected, Rejection = e.Reason }),
            HandoverReplyOverdue e => state.WithHandover(e.HandoverId, h => h with { ReplyOverdue = true }),
            HandoverDeparted e => state.WithPeople(state.HandoverOf(e.HandoverId)!.People, PersonOutcome.InTransit, e.HandoverId)
                .WithHandover(e.HandoverId, h => h with
                {
                    Status = HandoverStatus.InTransit, Transport = new Transport(e.Mode, e.Carrier, e.Legs, e.Escort, []),
                }),
            LegAcknowledged e => state.WithHandover(e.HandoverId, h => h with
            {
                Transport = h.Transport! with { AcknowledgedLegs = [.. h.Transport.AcknowledgedLegs, e.Leg] },
            }),
            ArrivalConfirmed e => state.WithPeople(e.People, PersonOutcome.ReturnedHome, e.HandoverId).WithHandover(e.HandoverId, h =>
            {
                var arrived = h.Arrived.Concat(e.People).ToArray();
                return h with
                {
                    Arrived = arrived,
                    Missing = [.. h.Missing.Except(e.People)],
                    Status = arrived.Length == h.People.Count ? HandoverStatus.Closed : h.Status,
                };
            }),
            PeopleFailedToArrive e => state.WithPeople(e.Missing, PersonOutcome.FailedToArrive, e.HandoverId)
                .WithHandover(e.HandoverId, h => h with { Status = HandoverStatus.FailedToArrive, Missing = e.Missing }),
            LocalEmploymentArranged e => state.WithPeople([e.WorkerId], PersonOutcome.LocalEmployment, null),
            AbscondedFromShelter e => state.WithPeople([e.WorkerId], PersonOutcome.Absconded, null),
            ReferredToPolice e => state.WithPeople([e.WorkerId], PersonOutcome.ReferredToPolice, null),
            _ => state,
        };
    }

    private static Interception WithPeople(this Interception state, IReadOnlyList<Guid> people, PersonOutcome outcome, Guid? handover) =>
        state with
        {
            People = [.. state.People.Select(p => people.Contains(p.WorkerId) ? p with { Outcome = outcome, HandoverId = handover } : p)],
        };

    private static Interception WithHandover(this Interception state, Guid id, Func<Handover, Handover> change) =>
        state with { Handovers = [.. state.Handovers.Select(h => h.Id == id ? change(h) : h)] };
}

public sealed class InterceptionProjection : SingleStreamProjection<Interception, Guid>
{
    public override Interception? Evolve(Interception? snapshot, Guid id, IEvent e) => InterceptionEvolution.Evolve(snapshot, e.Data);
}
