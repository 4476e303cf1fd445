using MassTransit;

namespace Coordination.Contracts.WorkerRegistry;

/// <summary>A prospective worker completed training at a vocational training centre (BLK).</summary>
[EntityName("coordination.worker-registry.worker-training-completed.v1")]
[MessageUrn("coordination.worker-registry.worker-training-completed.v1")]
[Classified(DataClassification.Internal)]
public sealed record WorkerTrainingCompleted(
    Guid WorkerId,
    string TrainingCentre,
    string CertificateNumber,
    DateOnly CompletedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A worker left for a placement abroad through a licensed placement company (P3MI).</summary>
[EntityName("coordination.worker-registry.worker-departed.v1")]
[MessageUrn("coordination.worker-registry.worker-departed.v1")]
[Classified(DataClassification.Internal)]
public sealed record WorkerDeparted(
    Guid WorkerId,
    Guid CompanyId,
    string DestinationCountry,
    string Job,
    DateOnly DepartedOn,
    string OriginRegion,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A worker came back from a procedural placement (purna migran).</summary>
[EntityName("coordination.worker-registry.worker-returned.v1")]
[MessageUrn("coordination.worker-registry.worker-returned.v1")]
[Classified(DataClassification.Internal)]
public sealed record WorkerReturned(
    Guid WorkerId,
    DateOnly ReturnedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// Fields of a worker's record were corrected. <see cref="NewValues"/> holds each corrected
/// field (camelCase name) with its value after the correction.
/// </summary>
[EntityName("coordination.worker-registry.worker-record-corrected.v1")]
[MessageUrn("coordination.worker-registry.worker-record-corrected.v1")]
[Classified(DataClassification.Personal)]
public sealed record WorkerRecordCorrected(
    Guid WorkerId,
    [property: PersonalData("fullName", "birthDate", "nik", "phone", "familyContact")] IReadOnlyDictionary<string, string?> NewValues,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>
/// Two records were found to be one person: <see cref="DuplicateId"/> now redirects to
/// <see cref="SurvivorId"/>, which holds both histories. Other services should file
/// anything about the duplicate under the survivor.
/// </summary>
[EntityName("coordination.worker-registry.workers-merged.v1")]
[MessageUrn("coordination.worker-registry.workers-merged.v1")]
[Classified(DataClassification.Internal)]
public sealed record WorkersMerged(
    Guid SurvivorId,
    Guid DuplicateId,
    string Reason,
    string MergedBy,
    DateTimeOffset MergedAt);
