using MassTransit;

namespace Coordination.Contracts.Interceptions;

/// <summary>
/// People were stopped while leaving without a legal placement (pencegahan). One
/// interception may stop a group; each person is tracked separately.
/// </summary>
[EntityName("coordination.interceptions.interception-recorded.v1")]
[MessageUrn("coordination.interceptions.interception-recorded.v1")]
[Classified(DataClassification.Personal)]
public sealed record InterceptionRecorded(
    Guid InterceptionId,
    string ExitPoint,
    DateTimeOffset InterceptedAt,
    string? DestinationCountry,
    IReadOnlyList<PersonReference> People,
    IReadOnlyList<string> Reasons,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The receiving province confirmed that people of a handover arrived home.</summary>
[EntityName("coordination.interceptions.handover-arrival-confirmed.v1")]
[MessageUrn("coordination.interceptions.handover-arrival-confirmed.v1")]
[Classified(DataClassification.Internal)]
public sealed record HandoverArrivalConfirmed(
    Guid HandoverId,
    IReadOnlyList<Guid> People,
    string ArrivalPoint,
    DateTimeOffset ArrivedAt,
    string ConfirmedBy,
    DateTimeOffset ConfirmedAt);
