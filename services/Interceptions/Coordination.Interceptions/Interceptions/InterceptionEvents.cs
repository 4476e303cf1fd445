using Coordination.Contracts;
using Coordination.Contracts.Interceptions;

namespace Coordination.Interceptions.Interceptions;

// Stored events of an interception's stream: the interception, its handovers and each
// person's outcome. Province is always the intercepting province, whose record this is.

public enum ReasonCode
{
    NoDocuments,
    UnlicensedRecruiter,
    Underage,
    ForgedDocuments,
    SuspectedTrafficking,
    Other,
}

public sealed record Reason(ReasonCode Code, string? Text);

/// <param name="Flag">why the recruiter looks unlicensed on the day of the interception, or null.</param>
public sealed record Recruiter(string? Name, string? Company, Guid? CompanyId, string? Flag);

/// <param name="OriginRegion">as the registry (or the details) knew it when recorded.</param>
public sealed record StoppedPerson(Guid WorkerId, PersonDetails? Details, string? OriginRegion);

public sealed record InterceptionRecorded(
    Guid InterceptionId, string Province, string ExitPoint, DateTimeOffset InterceptedAt, string? DestinationCountry,
    IReadOnlyList<StoppedPerson> People, IReadOnlyList<Reason> Reasons, Recruiter? Recruiter, string? PoliceCaseNumber,
    string RecordedBy, DateTimeOffset RecordedAt);

public enum RejectionReason
{
    NotFromThisProvince,
    IdentityUnconfirmed,
    AlreadyReturned,
    Other,
}

public sealed record Leg(string From, string To, DateTimeOffset ExpectedArrival);

public sealed record HandoverRequested(
    Guid InterceptionId, string Province, Guid HandoverId, IReadOnlyList<Guid> People, string ToProvince, string Shelter,
    DateTimeOffset ReplyDue, string RequestedBy, DateTimeOffset RequestedAt);

public sealed record HandoverAccepted(Guid InterceptionId, string Province, Guid HandoverId, string AcceptedBy, DateTimeOffset AcceptedAt);

public sealed record HandoverRejected(
    Guid InterceptionId, string Province, Guid HandoverId, RejectionReason Reason, string? Explanation, string RejectedBy,
    DateTimeOffset RejectedAt);

public sealed record HandoverReplyOverdue(
    Guid InterceptionId, string Province, Guid HandoverId, string ToProvince, DateTimeOffset ReplyDue, DateTimeOffset DetectedAt);

public sealed record HandoverDeparted(
    Guid InterceptionId, string Province, Guid HandoverId, IReadOnlyList<Guid> People, TransportMode Mode, string Carrier,
    IReadOnlyList<Leg> Legs, string? Escort, string RecordedBy, DateTimeOffset RecordedAt);

/// <param name="Leg">from 1.</param>
public sealed record LegAcknowledged(
    Guid InterceptionId, string Province, Guid HandoverId, int Leg, string At, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

public sealed record ArrivalConfirmed(
    Guid InterceptionId, string Province, Guid HandoverId, IReadOnlyList<Guid> People, string ArrivalPoint, DateTimeOffset ArrivedAt,
    string ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record PeopleFailedToArrive(
    Guid InterceptionId, string Province, Guid HandoverId, IReadOnlyList<Guid> Missing, string ToProvince, DateTimeOffset ExpectedArrival,
    DateTimeOffset DetectedAt);

public sealed record LocalEmploymentArranged(
    Guid InterceptionId, string Province, Guid WorkerId, string Employer, DateOnly ContractDate, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record AbscondedFromShelter(Guid InterceptionId, string Province, Guid WorkerId, DateOnly On, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ReferredToPolice(Guid InterceptionId, string Province, Guid WorkerId, string CaseNumber, string RecordedBy, DateTimeOffset RecordedAt);
