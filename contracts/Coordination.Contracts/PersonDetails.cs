namespace Coordination.Contracts;

/// <summary>
/// What another service learnt of a person the registry does not know yet (stopped without
/// documents, reported dead): the registry registers them under the id the event names.
/// </summary>
public sealed record PersonDetails(
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    string? Nik);

/// <summary>A person named in another service's event: a registry id, with details when new.</summary>
public sealed record PersonReference(Guid WorkerId, PersonDetails? Details);
