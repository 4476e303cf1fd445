using MassTransit;

namespace Coordination.Contracts.RepatriationCosts;

// Cost lines of the agreement's clearing. Parties: ntt, kalbar, kepri (the provincial
// governments) and bp2mi (the national agency); categories and reasons as the costs API
// writes them. Money in whole rupiah.

/// <summary>What one party bears of a line (negative on a reversal).</summary>
public sealed record PartyAmount(string Party, long Amount);

/// <summary>A cost paid by <see cref="PaidBy"/>, allocated by the sharing rules in force on its date (<see cref="RuleVersions"/>).</summary>
/// <param name="CaseKind">handover, person or deceased-return.</param>
/// <param name="Nights">for a shelter stay's bill, the nights billed.</param>
[EntityName("coordination.repatriation-costs.cost-line-posted.v1")]
[MessageUrn("coordination.repatriation-costs.cost-line-posted.v1")]
[Classified(DataClassification.Internal)]
public sealed record CostLinePosted(
    Guid LineId, Guid CaseId, string CaseKind, string Category, long Amount, DateOnly Date, int? Nights, string PaidBy, string PaidByAgency,
    string EvidenceReference, IReadOnlyList<PartyAmount> Allocations, IReadOnlyList<int> RuleVersions, DateTimeOffset PostedAt);

/// <summary>A line was taken back whole, by an entry of its own cleared in the next period closed.</summary>
[EntityName("coordination.repatriation-costs.cost-line-reversed.v1")]
[MessageUrn("coordination.repatriation-costs.cost-line-reversed.v1")]
[Classified(DataClassification.Internal)]
public sealed record CostLineReversed(
    Guid LineId, Guid ReversalId, DateOnly Date, string Reason, string Category, string PaidBy, long Amount,
    IReadOnlyList<PartyAmount> Allocations, string ReversedBy, DateTimeOffset ReversedAt);
