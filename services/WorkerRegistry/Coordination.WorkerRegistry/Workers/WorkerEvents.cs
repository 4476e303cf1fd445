using Coordination.Contracts;

namespace Coordination.WorkerRegistry.Workers;

// Stored events of a worker's stream. Kept apart from the published contracts so that the
// store and the wire can change at their own pace. Each says who recorded it and when.

public sealed record WorkerRegistered(
    Guid WorkerId,
    string? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    string? Phone,
    FamilyContact? FamilyContact,
    RecordSource Source,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

// OriginRegion on the events the registry publishes: the province whose data they are.

public sealed record TrainingCompleted(
    Guid WorkerId, string TrainingCentre, string CertificateNumber, DateOnly CompletedOn,
    string OriginRegion, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record DepartedProcedurally(
    Guid WorkerId, Guid CompanyId, string DestinationCountry, string Job, DateOnly DepartedOn,
    string OriginRegion, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ReturnedFromPlacement(
    Guid WorkerId, DateOnly ReturnedOn, string OriginRegion, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>From the interceptions service: stopped while leaving non-procedurally.</summary>
public sealed record Intercepted(
    Guid WorkerId, Guid InterceptionId, string ExitPoint, DateTimeOffset InterceptedAt,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>From the interceptions service: handed over and arrived home.</summary>
public sealed record ReturnedHome(
    Guid WorkerId, Guid HandoverId, string ArrivalPoint, DateTimeOffset ArrivedAt,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>From the deceased-returns service.</summary>
public sealed record DeathRecorded(
    Guid WorkerId, Guid CaseId, string CountryOfDeath, DateOnly DiedOn, bool NonProcedural,
    string RecordedBy, DateTimeOffset RecordedAt);

public sealed record FieldCorrection(string Field, string? From, string? To);

public sealed record RecordCorrected(
    Guid WorkerId, IReadOnlyList<FieldCorrection> Corrections, string Reason,
    string OriginRegion, string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>On the duplicate's stream: it is now <paramref name="SurvivorId"/>.</summary>
public sealed record MergedInto(Guid WorkerId, Guid SurvivorId, string Reason, string MergedBy, DateTimeOffset MergedAt);

/// <summary>
/// On the survivor's stream: what it takes over from the duplicate, so that its own stream
/// alone rebuilds the merged record.
/// </summary>
public sealed record DuplicateMerged(
    Guid WorkerId,
    Guid DuplicateId,
    string? TakenNik,
    string? TakenPhone,
    FamilyContact? TakenFamilyContact,
    IReadOnlyList<HistoryEntry> TakenHistory,
    string Reason,
    string OriginRegion,
    string MergedBy,
    DateTimeOffset MergedAt);
