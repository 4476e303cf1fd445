using MassTransit;

namespace Coordination.Contracts.WorkerRegistry;

/// <summary>A person entered the registry.</summary>
[EntityName("coordination.worker-registry.worker-registered.v1")]
[MessageUrn("coordination.worker-registry.worker-registered.v1")]
[Classified(DataClassification.Personal)]
public sealed record WorkerRegistered(
    Guid WorkerId,
    [property: PersonalData] string? Nik,
    [property: PersonalData] string FullName,
    Sex Sex,
    [property: PersonalData] DateOnly BirthDate,
    string OriginRegion,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);
