using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.CostLines;

/// <summary>
/// A cost paid by <see cref="PaidBy"/>, allocated by the rules in force on its date: the
/// allocation is part of the event, so that a later rule change never rewrites it.
/// </summary>
/// <param name="Date">the day the cost arose (a shelter bill: its last night).</param>
/// <param name="StayId">for a shelter-night line, the stay it bills.</param>
/// <param name="RuleVersions">the versions of the sharing rules applied.</param>
public sealed record CostLinePosted(
    Guid LineId, Guid CaseId, CaseKind CaseKind, CostCategory Category, long Amount, DateOnly Date, Guid? StayId, int? Nights,
    Party PaidBy, string PaidByAgency, string EvidenceReference, string? Description, IReadOnlyList<Allocated> Allocations,
    IReadOnlyList<int> RuleVersions, DateTimeOffset PostedAt);

/// <summary>A correction: the whole line is taken back by an entry of its own, cleared in the next period closed.</summary>
/// <param name="Allocations">the line's allocations, negated.</param>
public sealed record CostLineReversed(
    Guid LineId, Guid ReversalId, DateOnly Date, string Reason, Guid CaseId, CostCategory Category, Party PaidBy, string PaidByAgency,
    string EvidenceReference, Guid? StayId, long Amount, IReadOnlyList<Allocated> Allocations, string ReversedBy, DateTimeOffset ReversedAt);
