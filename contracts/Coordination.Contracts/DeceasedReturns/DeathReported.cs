using MassTransit;

namespace Coordination.Contracts.DeceasedReturns;

public enum ProceduralStatus
{
    Procedural,
    NonProcedural,
    Unknown,
}

/// <summary>The death of a worker abroad was reported; a return of the remains begins.</summary>
[EntityName("coordination.deceased-returns.death-reported.v1")]
[MessageUrn("coordination.deceased-returns.death-reported.v1")]
[Classified(DataClassification.Personal)]
public sealed record DeathReported(
    Guid CaseId,
    PersonReference Deceased,
    string CountryOfDeath,
    DateOnly DiedOn,
    ProceduralStatus ProceduralStatus,
    string ReportedBy,
    DateTimeOffset ReportedAt);
