using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;

namespace Coordination.DeceasedReturns.Cases;

// Stored events of a return case's stream. Province is the deceased's origin province, whose
// record the case is and whose agency receives the remains.

public enum CauseOfDeath
{
    Illness,
    Accident,
    Violence,
    Unknown,
    Other,
}

/// <summary>Who brought the notice of death.</summary>
public enum NoticeSource
{
    Consulate,
    Employer,
    Bp3mi,
    Family,
}

public enum ReturnDocument
{
    DeathCertificate,
    ConsularLetter,
    PoliceOrAutopsyReport,
    EmbalmingCertificate,
    FlightManifest,
}

public sealed record FamilyContact(string Name, string Relation, string? Phone);

/// <summary>One flight of the route, by IATA airport code.</summary>
public sealed record Leg(string From, string To, DateTimeOffset ExpectedArrival);

/// <param name="Details">the person as reported when the registry did not know them (it registers them under WorkerId).</param>
public sealed record DeathReported(
    Guid CaseId, string Province, Guid WorkerId, PersonDetails? Details, string OriginRegion, string CountryOfDeath,
    string CityOfDeath, DateOnly DiedOn, CauseOfDeath Cause, string? CauseDetail, ProceduralStatus ProceduralStatus,
    NoticeSource Source, FamilyContact? FamilyContact, string ReportedBy, DateTimeOffset ReportedAt);

public sealed record DocumentReceived(
    Guid CaseId, string Province, ReturnDocument Document, string Reference, string ReceivedBy, DateTimeOffset ReceivedAt);

public sealed record DocumentVerified(Guid CaseId, string Province, ReturnDocument Document, string VerifiedBy, DateTimeOffset VerifiedAt);

public sealed record RepatriationArranged(
    Guid CaseId, string Province, string Carrier, string AirWaybill, IReadOnlyList<Leg> Legs, string ArrangedBy, DateTimeOffset ArrangedAt);

public sealed record RemainsDeparted(Guid CaseId, string Province, string From, DateTimeOffset DepartedAt, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record RemainsArrived(
    Guid CaseId, string Province, string ArrivalPoint, DateTimeOffset ArrivedAt, string ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record RemainsHandedToFamily(
    Guid CaseId, string Province, Guid WorkerId, FamilyContact Recipient, DateTimeOffset HandedAt, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record BurialRecorded(
    Guid CaseId, string Province, Guid WorkerId, DateOnly BuriedOn, string Place, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record CaseClosed(Guid CaseId, string Province, string ClosedBy, DateTimeOffset ClosedAt);
