using MassTransit;

namespace Coordination.Contracts.Interceptions;

// The steps of a handover between provinces, and the other outcomes of an interception, so
// that the registry and the costs service can follow each person (shelter stays open on
// an interception and close on departure, local employment or absconding).

public enum TransportMode
{
    Ship,
    Plane,
    Road,
}

public sealed record HandoverLeg(string From, string To, DateTimeOffset ExpectedArrival);

/// <summary>The intercepting province asks the people's origin province to take them back.</summary>
[EntityName("coordination.interceptions.handover-requested.v1")]
[MessageUrn("coordination.interceptions.handover-requested.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverRequested(
    Guid HandoverId, Guid InterceptionId, IReadOnlyList<Guid> People, string FromProvince, string ToProvince, string Shelter,
    DateTimeOffset ReplyDue, string RequestedBy, DateTimeOffset RequestedAt);

[EntityName("coordination.interceptions.handover-accepted.v1")]
[MessageUrn("coordination.interceptions.handover-accepted.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverAccepted(Guid HandoverId, Guid InterceptionId, string AcceptedBy, DateTimeOffset AcceptedAt);

[EntityName("coordination.interceptions.handover-rejected.v1")]
[MessageUrn("coordination.interceptions.handover-rejected.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverRejected(
    Guid HandoverId, Guid InterceptionId, string Reason, string? Explanation, string RejectedBy, DateTimeOffset RejectedAt);

/// <summary>The receiving province did not reply by <see cref="ReplyDue"/>.</summary>
[EntityName("coordination.interceptions.handover-reply-overdue.v1")]
[MessageUrn("coordination.interceptions.handover-reply-overdue.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverReplyOverdue(Guid HandoverId, Guid InterceptionId, string ToProvince, DateTimeOffset ReplyDue, DateTimeOffset DetectedAt);

[EntityName("coordination.interceptions.handover-departed.v1")]
[MessageUrn("coordination.interceptions.handover-departed.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverDeparted(
    Guid HandoverId, Guid InterceptionId, IReadOnlyList<Guid> People, TransportMode Mode, string Carrier,
    IReadOnlyList<HandoverLeg> Legs, string? Escort, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Chain of custody: whoever received the people at the end of leg <see cref="Leg"/> (from 1) says so.</summary>
[EntityName("coordination.interceptions.handover-leg-acknowledged.v1")]
[MessageUrn("coordination.interceptions.handover-leg-acknowledged.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverLegAcknowledged(
    Guid HandoverId, Guid InterceptionId, int Leg, string At, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>Alert: people of a handover were not confirmed home by the expected arrival plus the grace period.</summary>
[EntityName("coordination.interceptions.people-failed-to-arrive.v1")]
[MessageUrn("coordination.interceptions.people-failed-to-arrive.v1")]
[Classified(DataClassification.Internal)]
public sealed record PeopleFailedToArrive(
    Guid HandoverId, Guid InterceptionId, IReadOnlyList<Guid> Missing, string ToProvince, DateTimeOffset ExpectedArrival,
    DateTimeOffset DetectedAt);

/// <summary>The person takes lawful work in the intercepting province instead of going home (AKAD).</summary>
[EntityName("coordination.interceptions.local-employment-arranged.v1")]
[MessageUrn("coordination.interceptions.local-employment-arranged.v1")]
[Classified(DataClassification.Internal)]
public sealed record LocalEmploymentArranged(
    Guid InterceptionId, Guid WorkerId, string Employer, DateOnly ContractDate, string RecordedBy, DateTimeOffset RecordedAt);

[EntityName("coordination.interceptions.absconded-from-shelter.v1")]
[MessageUrn("coordination.interceptions.absconded-from-shelter.v1")]
[Classified(DataClassification.Internal)]
public sealed record AbscondedFromShelter(Guid InterceptionId, Guid WorkerId, DateOnly On, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Only a police case (TPPO) follows for this person.</summary>
[EntityName("coordination.interceptions.referred-to-police.v1")]
[MessageUrn("coordination.interceptions.referred-to-police.v1")]
[Classified(DataClassification.Internal)]
public sealed record ReferredToPolice(Guid InterceptionId, Guid WorkerId, string CaseNumber, string RecordedBy, DateTimeOffset RecordedAt);
