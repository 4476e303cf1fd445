using MassTransit;

namespace Coordination.Contracts.WorkerRegistry;

/// <summary>A person entered the registry.</summary>
[EntityName("coordination.worker-registry.worker-registered.v1")]
[MessageUrn("coordination.worker-registry.worker-registered.v1")]
[Classified(DataClassification.Personal)]
public sealed record WorkerRegistered(
    Guid WorkerId,
    string? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);
