using MassTransit;

namespace Coordination.Contracts.DeceasedReturns;

// The steps of returning a deceased worker's remains (jenazah) after DeathReported, so that
// the registry, the costs service and integrators can follow each case by its CaseId.

/// <summary>A required document of the case was checked and accepted.</summary>
/// <param name="Document">death-certificate, consular-letter, police-or-autopsy-report, embalming-certificate, flight-manifest.</param>
[EntityName("coordination.deceased-returns.document-verified.v1")]
[MessageUrn("coordination.deceased-returns.document-verified.v1")]
[Classified(DataClassification.Internal)]
/// <remarks>The document is personal: a police or autopsy report is required only for some causes of death.</remarks>
public sealed record ReturnDocumentVerified(Guid CaseId, [property: PersonalData] string Document, string VerifiedBy, DateTimeOffset VerifiedAt);

/// <summary>One flight of the route, by IATA airport code (KUL → CGK, CGK → KOE).</summary>
public sealed record RepatriationLeg(string From, string To, DateTimeOffset ExpectedArrival);

/// <summary>The remains are booked as air cargo on a route ending at El Tari, Kupang (KOE).</summary>
[EntityName("coordination.deceased-returns.repatriation-arranged.v1")]
[MessageUrn("coordination.deceased-returns.repatriation-arranged.v1")]
[Classified(DataClassification.Internal)]
public sealed record RepatriationArranged(
    Guid CaseId, string Carrier, string AirWaybill, IReadOnlyList<RepatriationLeg> Legs, DateTimeOffset ExpectedArrival,
    string ArrangedBy, DateTimeOffset ArrangedAt);

[EntityName("coordination.deceased-returns.remains-departed.v1")]
[MessageUrn("coordination.deceased-returns.remains-departed.v1")]
[Classified(DataClassification.Internal)]
public sealed record RemainsDeparted(Guid CaseId, string From, DateTimeOffset DepartedAt, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The receiving agency confirmed the remains at the arrival point's cargo terminal.</summary>
[EntityName("coordination.deceased-returns.remains-arrived.v1")]
[MessageUrn("coordination.deceased-returns.remains-arrived.v1")]
[Classified(DataClassification.Internal)]
public sealed record RemainsArrived(Guid CaseId, string ArrivalPoint, DateTimeOffset ArrivedAt, string ConfirmedBy, DateTimeOffset ConfirmedAt);

/// <summary>The remains were handed to the family: who received them is personal data.</summary>
[EntityName("coordination.deceased-returns.remains-handed-to-family.v1")]
[MessageUrn("coordination.deceased-returns.remains-handed-to-family.v1")]
[Classified(DataClassification.Personal)]
public sealed record RemainsHandedToFamily(
    Guid CaseId, Guid WorkerId, [property: PersonalData] string RecipientName, string Relation,
    [property: PersonalData] string? RecipientPhone, DateTimeOffset HandedAt,
    string RecordedBy, DateTimeOffset RecordedAt);

[EntityName("coordination.deceased-returns.burial-recorded.v1")]
[MessageUrn("coordination.deceased-returns.burial-recorded.v1")]
[Classified(DataClassification.Internal)]
public sealed record BurialRecorded(Guid CaseId, Guid WorkerId, DateOnly BuriedOn, string Place, string RecordedBy, DateTimeOffset RecordedAt);

[EntityName("coordination.deceased-returns.case-closed.v1")]
[MessageUrn("coordination.deceased-returns.case-closed.v1")]
[Classified(DataClassification.Internal)]
public sealed record ReturnCaseClosed(Guid CaseId, string ClosedBy, DateTimeOffset ClosedAt);
