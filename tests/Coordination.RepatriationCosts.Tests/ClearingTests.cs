using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Clearing;
using Coordination.RepatriationCosts.Clearing.Answering;
using Coordination.RepatriationCosts.Clearing.Closing;
using Coordination.RepatriationCosts.Clearing.Settling;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.Parties;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

public class ClearingTests
{
    private static readonly DateOnly November = new(2026, 11, 1);

    /// <summary>Kalbar's nine shelter nights (its own) and the ship ticket it paid for NTT; NTT's meals on the way (its own).</summary>
    private static readonly LedgerEntry[] Entries =
    [
        Entry(Party.Kalbar, CostCategory.ShelterNight, new(2026, 11, 22), new Allocated(Party.Kalbar, 9 * Tariff)),
        Entry(Party.Kalbar, CostCategory.TransportShip, Today, new Allocated(Party.Ntt, 1_250_000)),
        Entry(Party.Ntt, CostCategory.Meals, Today, new Allocated(Party.Ntt, 90_000)),
        Entry(Party.Kalbar, CostCategory.TransportShip, new(2026, 12, 1), new Allocated(Party.Ntt, 700_000)),
    ];

    private static LedgerEntry Entry(Party paidBy, CostCategory category, DateOnly date, params Allocated[] allocations) =>
        new(Guid.NewGuid(), Guid.NewGuid(), false, date, category, HandoverId, paidBy, allocations.Sum(a => a.Amount), allocations, "R-" + Guid.NewGuid(), null);

    private static ClosePeriod Close(string? latest = null, DateOnly? today = null) =>
        new(November, Entries, latest, "agreement-secretariat", today ?? new DateOnly(2026, 12, 1), Now);

    private static ClearingPeriod Closed() => ClearingPeriodEvolution.Evolve(null, Single<PeriodClosed>(ClosePeriodDecision.Decide(Close(), null)))!;

    [Fact]
    public void Closing_November_clears_the_entries_dated_up_to_its_end_and_Kalbar_claims_the_ship_ticket_from_NTT()
    {
        var closed = Closed();
        var (ntt, kalbar) = (Statement.For(closed, Party.Ntt), Statement.For(closed, Party.Kalbar));

        Assert.Equal(3, closed.Entries.Count);
        Assert.Equal((1_250_000L, 0L, 1_250_000L), (kalbar.Claims, kalbar.Dues, kalbar.Net));
        Assert.Equal((0L, 1_250_000L, -1_250_000L), (ntt.Claims, ntt.Dues, ntt.Net));
        Assert.Equal(0, kalbar.Net + ntt.Net);
        var due = Assert.Single(ntt.Lines);
        Assert.Equal((Direction.Due, Party.Kalbar, CostCategory.TransportShip), (due.Direction, due.PaidBy, due.Category));
        Assert.Equal([Party.Ntt, Party.Kalbar], closed.Involved);
    }

    [Fact]
    public void The_statement_reads_as_CSV_with_one_row_per_line_and_a_net_row_per_counterparty()
    {
        var csv = Statement.For(Closed(), Party.Kalbar).ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("period,party,row,", csv[0], StringComparison.Ordinal);
        Assert.Contains(",claim,", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",1250000", csv[1], StringComparison.Ordinal);
        Assert.Equal("2026-11,kalbar,net,,,,,,,kalbar,ntt,,1250000", csv[2]);
    }

    [Fact]
    public void A_period_closes_once_in_order_and_not_before_it_began()
    {
        Refused<StateConflict>(ClosePeriodDecision.Decide(Close(), Closed()));
        Refused<StateConflict>(ClosePeriodDecision.Decide(Close(latest: "2026-12"), null));
        Assert.Equal("period", Refused<RuleBroken>(ClosePeriodDecision.Decide(Close(today: new DateOnly(2026, 10, 31)), null)).Field);
    }

    private static AnswerStatement Answer(Party side, Party? caller, params DisputedLine[] disputed) =>
        new("2026-11", side, caller, disputed, "someone", Now);

    [Fact]
    public void A_party_answers_for_its_own_side_once()
    {
        var closed = Closed();

        Refused<NotYours>(AnswerStatementDecision.Decide(Answer(Party.Ntt, Party.Kalbar), closed));
        var approved = ClearingPeriodEvolution.Evolve(closed, Single<StatementApproved>(AnswerStatementDecision.Decide(Answer(Party.Kalbar, Party.Kalbar), closed)));
        Refused<StateConflict>(AnswerStatementDecision.Decide(Answer(Party.Kalbar, Party.Kalbar), approved));
        Assert.Equal("approved", Statement.For(approved!, Party.Kalbar).Status);
    }

    [Fact]
    public void A_party_disputes_only_what_it_is_asked_to_bear_with_a_coded_reason()
    {
        var closed = Closed();
        var ship = closed.Entries.Single(e => e.Category == CostCategory.TransportShip).EntryId;
        var meals = closed.Entries.Single(e => e.Category == CostCategory.Meals).EntryId;

        Assert.Equal("lines[0].entryId", Refused<RuleBroken>(AnswerStatementDecision.Decide(
            Answer(Party.Ntt, Party.Ntt, new DisputedLine(meals, DisputeReason.WrongAmount, null)), closed)).Field);
        Assert.Equal("lines[0].note", Refused<RuleBroken>(AnswerStatementDecision.Decide(
            Answer(Party.Ntt, Party.Ntt, new DisputedLine(ship, DisputeReason.Other, null)), closed)).Field);
        var disputed = Single<StatementDisputed>(AnswerStatementDecision.Decide(
            Answer(Party.Ntt, Party.Ntt, new DisputedLine(ship, DisputeReason.WrongAmount, "Rp 1.150.000 on the ticket")), closed));
        Assert.Equal("disputed", Statement.For(ClearingPeriodEvolution.Evolve(closed, disputed)!, Party.Ntt).Status);
    }

    [Fact]
    public void Settlement_waits_for_every_party_involved_and_records_the_payment_reference()
    {
        var closed = Closed();
        var settle = new SettlePeriod("2026-11", "SP2D-53-0007", "agreement-secretariat", Now);
        var kalbarOnly = ClearingPeriodEvolution.Evolve(closed, Single<StatementApproved>(AnswerStatementDecision.Decide(Answer(Party.Kalbar, Party.Kalbar), closed)))!;
        var both = ClearingPeriodEvolution.Evolve(kalbarOnly, Single<StatementApproved>(AnswerStatementDecision.Decide(Answer(Party.Ntt, Party.Ntt), kalbarOnly)))!;

        Refused<StateConflict>(SettlePeriodDecision.Decide(settle, kalbarOnly));
        var settled = ClearingPeriodEvolution.Evolve(both, Single<PeriodSettled>(SettlePeriodDecision.Decide(settle, both)))!;
        Assert.Equal(("settled", "SP2D-53-0007"), (Statement.For(settled, Party.Ntt).Status, Statement.For(settled, Party.Ntt).PaymentReference));
        Refused<StateConflict>(SettlePeriodDecision.Decide(settle, settled));
    }
}
