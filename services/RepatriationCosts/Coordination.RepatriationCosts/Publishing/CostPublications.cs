using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Clearing;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.Parties;
using Coordination.RepatriationCosts.ShelterStays;
using JasperFx.Events;
using Contract = Coordination.Contracts.RepatriationCosts;

namespace Coordination.RepatriationCosts.Publishing;

/// <summary>
/// Every line, reversal, rule version, stay and clearing step is published. A line is filed
/// under its paying party's province, a stay under the shelter's; the agreement and the
/// periods concern all parties (no province).
/// </summary>
public sealed class CostPublications : IIntegrationEventMap
{
    public Publication? Map(IEvent stored) => stored.Data switch
    {
        CostLinePosted e => new(new Contract.CostLinePosted(e.LineId, e.CaseId, N(e.CaseKind), N(e.Category), e.Amount, e.Date, e.Nights, N(e.PaidBy),
            e.PaidByAgency, e.EvidenceReference, Amounts(e.Allocations), e.RuleVersions, e.PostedAt), $"cost-line/{e.LineId}", Parties.Parties.ProvinceOf(e.PaidBy)),
        CostLineReversed e => new(new Contract.CostLineReversed(e.LineId, e.ReversalId, e.Date, e.Reason, N(e.Category), N(e.PaidBy), e.Amount,
            Amounts(e.Allocations), e.ReversedBy, e.ReversedAt), $"cost-line/{e.LineId}", Parties.Parties.ProvinceOf(e.PaidBy)),
        SharingRulesSet e => new(new Contract.SharingRulesSet(e.Version, e.EffectiveFrom,
            [.. e.Rules.Select(r => new Contract.SharingRule(N(r.Category), N(r.Phase), [.. r.Shares.Select(s => new Contract.SharingShare(N(s.Bearer), s.Percent))]))],
            e.SetBy, e.SetAt), $"agreement/{SharingAgreement.StreamId}", ""),
        ShelterStayOpened e => new(new Contract.ShelterStayOpened(e.StayId, e.WorkerId, e.Province, e.Shelter, e.Tariff, e.OpenedOn, e.OpenedBy,
            e.RecordedAt), $"shelter-stay/{e.StayId}", e.Province),
        ShelterStayClosed e => new(new Contract.ShelterStayClosed(e.StayId, e.WorkerId, e.ClosedOn, e.Nights, N(e.Reason), e.ClosedBy, e.RecordedAt),
            $"shelter-stay/{e.StayId}", e.Province),
        PeriodClosed e => Period(e.Period, new Contract.ClearingPeriodClosed(e.Period, e.Entries.Count, e.Entries.Sum(x => x.Amount),
            [.. Balances.Clearing(e.Entries).Select(b => new Contract.ClearingBalance(N(b.Party), N(b.Counterparty), b.Claims, b.Dues, b.Net))],
            e.ClosedBy, e.ClosedAt)),
        StatementApproved e => Period(e.Period, new Contract.ClearingStatementApproved(e.Period, N(e.Party), e.By, e.At)),
        StatementDisputed e => Period(e.Period, new Contract.ClearingStatementDisputed(e.Period, N(e.Party),
            [.. e.Lines.Select(l => new Contract.DisputedEntry(l.EntryId, N(l.Code), l.Note))], e.By, e.At)),
        PeriodSettled e => Period(e.Period, new Contract.ClearingPeriodSettled(e.Period, e.PaymentReference, e.By, e.At)),
        _ => null,
    };

    private static Publication Period(string period, object message) => new(message, $"clearing-period/{period}", "");

    private static Contract.PartyAmount[] Amounts(IEnumerable<Allocated> allocations) =>
        [.. allocations.Select(a => new Contract.PartyAmount(N(a.Party), a.Amount))];

    private static string N<T>(T value) where T : struct, Enum => ContractJson.NameOf(value);
}
