using Coordination.Contracts.DeceasedReturns;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.Cases;

public enum CaseKind
{
    /// <summary>A handover of intercepted people to their origin province (id: the handover's).</summary>
    Handover,

    /// <summary>An intercepted person (id: the worker's), e.g. for the shelter.</summary>
    Person,

    /// <summary>The return of a deceased worker's remains (id: the deceased-returns case's).</summary>
    DeceasedReturn,
}

/// <summary>
/// A case that costs are posted against, as this service learnt it from the other services'
/// published events (never from their schemas).
/// </summary>
/// <param name="OriginRegion">where the person comes from, when known (else the registry's <see cref="WorkerOrigin"/>).</param>
/// <param name="AcceptedOn">the office day (WITA) the origin province accepted the handover the case is on.</param>
public sealed record CaseFile(
    Guid Id, CaseKind Kind, string? InterceptingProvince, string? OriginRegion, IReadOnlyList<Guid> People,
    Guid? HandoverId, DateOnly? AcceptedOn, ProceduralStatus? ProceduralStatus)
{
    public Phase PhaseOn(DateOnly date) => Kind switch
    {
        CaseKind.DeceasedReturn => ProceduralStatus == Contracts.DeceasedReturns.ProceduralStatus.Procedural
            ? Phase.ProceduralReturn : Phase.NonProceduralReturn,
        _ => AcceptedOn is { } accepted && date >= accepted ? Phase.FromAcceptance : Phase.BeforeAcceptance,
    };

    public CaseParties PartiesWith(string? knownOrigin) => new(
        Parties.Parties.OfProvince(InterceptingProvince), Parties.Parties.OfProvince((OriginRegion ?? knownOrigin)?[..2]));
}

/// <summary>Where a registered worker comes from, as the registry publishes it.</summary>
public sealed record WorkerOrigin(Guid Id, string OriginRegion);
