using Coordination.Contracts;
using Coordination.Eventing;
using JasperFx.Events;
using Contract = Coordination.Contracts.WorkerRegistry;
using Companies = Coordination.WorkerRegistry.Companies;
using Stored = Coordination.WorkerRegistry.Workers;

namespace Coordination.WorkerRegistry.Publishing;

/// <summary>
/// Which stored events the registry publishes, and as what. A worker's record belongs to
/// the province they come from. Facts the registry learnt from other services' events
/// (interceptions, returns home, deaths) are theirs to publish, not republished here.
/// </summary>
public sealed class WorkerRegistryPublications : IIntegrationEventMap
{
    public Publication? Map(IEvent stored) => stored.Data switch
    {
        Stored.WorkerRegistered e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkerRegistered(e.WorkerId, e.Nik,
            e.FullName, e.Sex, e.BirthDate, e.OriginRegion, e.RegisteredBy, e.RegisteredAt)),
        Stored.TrainingCompleted e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkerTrainingCompleted(e.WorkerId,
            e.TrainingCentre, e.CertificateNumber, e.CompletedOn, e.RecordedBy, e.RecordedAt)),
        Stored.DepartedProcedurally e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkerDeparted(e.WorkerId, e.CompanyId,
            e.DestinationCountry, e.Job, e.DepartedOn, e.OriginRegion, e.RecordedBy, e.RecordedAt)),
        Stored.ReturnedFromPlacement e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkerReturned(e.WorkerId, e.ReturnedOn,
            e.RecordedBy, e.RecordedAt)),
        Stored.RecordCorrected e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkerRecordCorrected(e.WorkerId,
            e.Corrections.ToDictionary(c => c.Field, c => c.To), e.Reason, e.CorrectedBy, e.CorrectedAt)),
        // One merge, one publication: from the survivor's side.
        Stored.DuplicateMerged e => Worker(e.WorkerId, e.OriginRegion, new Contract.WorkersMerged(e.WorkerId, e.DuplicateId,
            e.Reason, e.MergedBy, e.MergedAt)),
        Companies.CompanyRegistered e => Company(e.CompanyId, new Contract.PlacementCompanyRegistered(e.CompanyId,
            e.Name, e.LicenceNumber, e.LicenceValidFrom, e.LicenceValidUntil, e.HeadOfficeRegion, e.KupangRepresentativeOffice,
            e.RegisteredBy, e.RegisteredAt)),
        Companies.LicenceSuspended e => Licence(e.CompanyId, Contract.LicenceChange.Suspended, e.EffectiveOn, null, e.Reason, e.RecordedBy, e.RecordedAt),
        Companies.LicenceReinstated e => Licence(e.CompanyId, Contract.LicenceChange.Reinstated, e.EffectiveOn, null, e.Reason, e.RecordedBy, e.RecordedAt),
        Companies.LicenceRevoked e => Licence(e.CompanyId, Contract.LicenceChange.Revoked, e.EffectiveOn, null, e.Reason, e.RecordedBy, e.RecordedAt),
        Companies.LicenceRenewed e => Licence(e.CompanyId, Contract.LicenceChange.Renewed, e.EffectiveOn, e.ValidUntil, e.Reason, e.RecordedBy, e.RecordedAt),
        _ => null,
    };

    private static Publication Worker(Guid id, string originRegion, object message) => new(message, $"worker/{id}", originRegion[..2]);

    /// <summary>
    /// A company recruits wherever its licence allows; its record is filed under NTT, where
    /// the agreement's labour offices check recruiters (wherever the head office is).
    /// </summary>
    private static Publication Company(Guid id, object message) => new(message, $"company/{id}", Provinces.Ntt);

    private static Publication Licence(Guid id, Contract.LicenceChange change, DateOnly effectiveOn, DateOnly? validUntil,
        string reason, string by, DateTimeOffset at) =>
        Company(id, new Contract.PlacementCompanyLicenceChanged(id, change, effectiveOn, validUntil, reason, by, at));
}
