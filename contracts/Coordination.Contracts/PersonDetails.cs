namespace Coordination.Contracts;

/// <summary>
/// What another service learnt of a person the registry does not know yet (stopped without
/// documents, reported dead): the registry registers them under the id the event names.
/// </summary>
public sealed record PersonDetails(
    [property: PersonalData] string FullName,
    Sex Sex,
    [property: PersonalData] DateOnly BirthDate,
    string OriginRegion,
    [property: PersonalData] string? Nik);

/// <summary>A person named in another service's event: a registry id, with details when new.</summary>
public sealed record PersonReference(Guid WorkerId, PersonDetails? Details);
