namespace Coordination.WorkerRegistry.Companies;

// Stored events of a placement company's (P3MI) stream.

public sealed record CompanyRegistered(
    Guid CompanyId,
    string Name,
    string LicenceNumber,
    DateOnly LicenceValidFrom,
    DateOnly LicenceValidUntil,
    string HeadOfficeRegion,
    string HeadOfficeAddress,
    bool KupangRepresentativeOffice,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

public sealed record LicenceSuspended(Guid CompanyId, DateOnly EffectiveOn, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record LicenceReinstated(Guid CompanyId, DateOnly EffectiveOn, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record LicenceRevoked(Guid CompanyId, DateOnly EffectiveOn, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A further validity period from <paramref name="EffectiveOn"/> to <paramref name="ValidUntil"/>.</summary>
public sealed record LicenceRenewed(
    Guid CompanyId, DateOnly EffectiveOn, DateOnly ValidUntil, string Reason, string RecordedBy, DateTimeOffset RecordedAt);
