using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.CostLines;

public sealed record Reversal(Guid ReversalId, DateOnly Date, string Reason, string ReversedBy);

/// <summary>One cost line and, once corrected, its reversal; <see cref="Version"/> is the stream version.</summary>
public sealed record CostLine(
    Guid Id, Guid CaseId, CaseKind CaseKind, CostCategory Category, long Amount, DateOnly Date, Guid? StayId, int? Nights, Party PaidBy,
    string PaidByAgency, string EvidenceReference, string? Description, IReadOnlyList<Allocated> Allocations, IReadOnlyList<int> RuleVersions,
    DateTimeOffset PostedAt, Reversal? Reversal, long Version)
{
}

public static class CostLineEvolution
{
    public static CostLine? Evolve(CostLine? state, object @event) => @event switch
    {
        CostLinePosted e => new CostLine(e.LineId, e.CaseId, e.CaseKind, e.Category, e.Amount, e.Date, e.StayId, e.Nights, e.PaidBy,
            e.PaidByAgency, e.EvidenceReference, e.Description, e.Allocations, e.RuleVersions, e.PostedAt, null, 1),
        CostLineReversed e when state is not null => state with
        {
            Reversal = new Reversal(e.ReversalId, e.Date, e.Reason, e.ReversedBy), Version = state.Version + 1,
        },
        _ => state,
    };
}

public sealed class CostLineProjection() : EvolvedProjection<CostLine>(CostLineEvolution.Evolve, typeof(CostLinePosted), typeof(CostLineReversed));
