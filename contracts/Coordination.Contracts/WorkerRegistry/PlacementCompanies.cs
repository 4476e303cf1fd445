using MassTransit;

namespace Coordination.Contracts.WorkerRegistry;

/// <summary>A placement company (P3MI) entered the registry with its licence.</summary>
[EntityName("coordination.worker-registry.placement-company-registered.v1")]
[MessageUrn("coordination.worker-registry.placement-company-registered.v1")]
[Classified(DataClassification.Public)]
public sealed record PlacementCompanyRegistered(
    Guid CompanyId,
    string Name,
    string LicenceNumber,
    DateOnly LicenceValidFrom,
    DateOnly LicenceValidUntil,
    string HeadOfficeRegion,
    bool KupangRepresentativeOffice,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

public enum LicenceChange
{
    Suspended,
    Reinstated,
    Revoked,
    Renewed,
}

/// <summary>
/// A company's licence changed from <see cref="EffectiveOn"/>: whether it may recruit on a
/// date follows from these changes (the registry answers it at
/// <c>/api/registry/companies/{id}/licence</c>).
/// </summary>
[EntityName("coordination.worker-registry.placement-company-licence-changed.v1")]
[MessageUrn("coordination.worker-registry.placement-company-licence-changed.v1")]
[Classified(DataClassification.Public)]
public sealed record PlacementCompanyLicenceChanged(
    Guid CompanyId,
    LicenceChange Change,
    DateOnly EffectiveOn,
    DateOnly? ValidUntil,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt);
