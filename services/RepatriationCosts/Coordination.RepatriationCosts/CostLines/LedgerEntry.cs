using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Clearing;
using Coordination.RepatriationCosts.Parties;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;

namespace Coordination.RepatriationCosts.CostLines;

/// <summary>
/// What clearing adds up: a posted line, or a reversal (negative). An entry is cleared in the
/// first period closed after it was recorded whose end is on or after its date.
/// </summary>
/// <param name="ClearedIn">the period (<c>yyyy-MM</c>) whose statements include it; null until then.</param>
public sealed record LedgerEntry(
    Guid Id, Guid LineId, bool Reversal, DateOnly Date, CostCategory Category, Guid CaseId, Party PaidBy, long Amount,
    IReadOnlyList<Allocated> Allocations, string EvidenceReference, string? ClearedIn);

/// <summary>
/// Inline, in the write's transaction: the ledger entries, the evidence reference and stay a
/// line claims (so that a racing duplicate fails), and the marks of a closed period on its
/// entries (an entry claimed by two closings fails the second).
/// </summary>
public sealed partial class LedgerProjection : EventProjection
{
    public LedgerProjection()
    {
        IncludeType<CostLinePosted>();
        IncludeType<CostLineReversed>();
        IncludeType<PeriodClosed>();
        DeletePublishedTypesOnTeardown = false;
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CostLinePosted p:
                operations.Store(new LedgerEntry(p.LineId, p.LineId, false, p.Date, p.Category, p.CaseId, p.PaidBy, p.Amount, p.Allocations,
                    p.EvidenceReference, null));
                operations.Insert(new UniqueClaim(Claims.Evidence(p.PaidByAgency, p.EvidenceReference), p.LineId));
                if (p.StayId is { } stay) operations.Insert(new UniqueClaim(Claims.StayBill(stay), p.LineId));
                break;
            case CostLineReversed r:
                operations.Store(new LedgerEntry(r.ReversalId, r.LineId, true, r.Date, r.Category, r.CaseId, r.PaidBy, -r.Amount, r.Allocations,
                    r.EvidenceReference, null));
                // A corrected line may cite the same receipt, and a stay billed wrongly be billed again.
                operations.Delete<UniqueClaim>(Claims.Evidence(r.PaidByAgency, r.EvidenceReference));
                if (r.StayId is { } billed) operations.Delete<UniqueClaim>(Claims.StayBill(billed));
                break;
            case PeriodClosed c:
                foreach (var entry in c.Entries)
                {
                    operations.Insert(new UniqueClaim(Claims.Cleared(entry.EntryId), e.StreamId));
                    operations.Patch<LedgerEntry>(entry.EntryId).Set(x => x.ClearedIn, c.Period);
                }
                break;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a line or a closing holds alone: an agency's evidence reference (any case), a stay's bill, an entry's clearing.</summary>
public static class Claims
{
    private const string EvidenceKind = "evidence", StayBillKind = "stay-bill", ClearedKind = "cleared";

    public static string Evidence(string agency, string reference) => UniqueClaim.Key(EvidenceKind, EvidenceValue(agency, reference));

    public static string StayBill(Guid stay) => UniqueClaim.Key(StayBillKind, stay.ToString());

    public static string Cleared(Guid entry) => UniqueClaim.Key(ClearedKind, entry.ToString());

    /// <summary>The line that cites <paramref name="reference"/> for <paramref name="agency"/>, if any.</summary>
    public static Task<Guid?> EvidenceHolder(IQuerySession session, string agency, string reference, CancellationToken ct) =>
        UniqueClaim.OwnerOf(session, EvidenceKind, EvidenceValue(agency, reference), ct);

    /// <summary>The line that billed the stay, if any.</summary>
    public static Task<Guid?> StayBiller(IQuerySession session, Guid stay, CancellationToken ct) =>
        UniqueClaim.OwnerOf(session, StayBillKind, stay.ToString(), ct);

    // Receipt numbers are written in either case; one receipt is one reference.
    private static string EvidenceValue(string agency, string reference) => $"{agency}/{reference.ToUpperInvariant()}";
}
