using MassTransit;

namespace Coordination.Contracts.RepatriationCosts;

/// <summary>What <see cref="Party"/> claims from and owes <see cref="Counterparty"/>; a positive net is paid to it.</summary>
public sealed record ClearingBalance(string Party, string Counterparty, long Claims, long Dues, long Net);

/// <summary>A month (<c>yyyy-MM</c>) was closed: its entries are cleared into one net per pair of parties.</summary>
[EntityName("coordination.repatriation-costs.clearing-period-closed.v1")]
[MessageUrn("coordination.repatriation-costs.clearing-period-closed.v1")]
[Classified(DataClassification.Internal)]
public sealed record ClearingPeriodClosed(string Period, int Entries, long Total, IReadOnlyList<ClearingBalance> Balances, string ClosedBy,
    DateTimeOffset ClosedAt);

[EntityName("coordination.repatriation-costs.clearing-statement-approved.v1")]
[MessageUrn("coordination.repatriation-costs.clearing-statement-approved.v1")]
[Classified(DataClassification.Internal)]
public sealed record ClearingStatementApproved(string Period, string Party, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <param name="Code">not-our-case, not-under-the-agreement, wrong-amount, duplicate, no-evidence or other.</param>
public sealed record DisputedEntry(Guid EntryId, string Code, string? Note);

[EntityName("coordination.repatriation-costs.clearing-statement-disputed.v1")]
[MessageUrn("coordination.repatriation-costs.clearing-statement-disputed.v1")]
[Classified(DataClassification.Internal)]
public sealed record ClearingStatementDisputed(string Period, string Party, IReadOnlyList<DisputedEntry> Lines, string DisputedBy, DateTimeOffset DisputedAt);

[EntityName("coordination.repatriation-costs.clearing-period-settled.v1")]
[MessageUrn("coordination.repatriation-costs.clearing-period-settled.v1")]
[Classified(DataClassification.Internal)]
public sealed record ClearingPeriodSettled(string Period, string PaymentReference, string SettledBy, DateTimeOffset SettledAt);
