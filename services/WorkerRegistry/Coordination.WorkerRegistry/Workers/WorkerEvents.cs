using Coordination.Contracts;

namespace Coordination.WorkerRegistry.Workers;

// Stored events of a worker's stream. Kept apart from the published contracts so that the
// store and the wire can change at their own pace.

public sealed record WorkerRegistered(
    Guid WorkerId,
    string? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);
