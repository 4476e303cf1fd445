using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Clearing;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.CostLines.Posting;
using Coordination.RepatriationCosts.Parties;
using Coordination.RepatriationCosts.ShelterStays;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

/// <summary>A month of random cost lines (amounts and shelter stays) under random versions of the sharing rules.</summary>
public sealed record Month(IReadOnlyList<RuleSet> Rules, IReadOnlyList<PostCostLine> Lines);

public static class MonthArbitrary
{
    private static readonly DateOnly First = new(2026, 11, 1);

    private static Gen<Share[]> Shares =>
        from bearers in Gen.Shuffle(Enum.GetValues<Bearer>()).SelectMany(all => Gen.Choose(1, all.Length).Select(n => all[..n]))
        from cuts in Gen.ArrayOf(Gen.Choose(1, 99), bearers.Length - 1)
        let points = cuts.Distinct().Order().Prepend(0).Append(100).ToArray()
        select bearers.Take(points.Length - 1).Select((b, i) => new Share(b, points[i + 1] - points[i])).ToArray();

    private static Gen<RuleSet> Version(int version, DateOnly effective) =>
        from rules in Gen.ListOf(Gen.Zip(Gen.Elements(Enum.GetValues<CostCategory>()), Gen.Elements(Enum.GetValues<Phase>())).Zip(Shares))
        select new RuleSet(version, effective, [.. rules.DistinctBy(r => r.Item1).Select(r => new SharingRule(r.Item1.Item1, r.Item1.Item2, r.Item2))]);

    private static Gen<CaseFile> Case =>
        from kind in Gen.Elements(Enum.GetValues<CaseKind>())
        from intercepting in Gen.Elements("21", "61", "53")
        from origin in Gen.Elements("53.01.19", "53.02.01", "61.03.21")
        from accepted in Gen.Choose(0, 40).Select(d => d > 29 ? (DateOnly?)null : First.AddDays(d))
        from status in Gen.Elements(Enum.GetValues<Contracts.DeceasedReturns.ProceduralStatus>())
        select new CaseFile(Guid.NewGuid(), kind, kind == CaseKind.DeceasedReturn ? null : intercepting, origin, [Maria], null, accepted,
            kind == CaseKind.DeceasedReturn ? status : null);

    private static Gen<Costed> What =>
        Gen.OneOf(
            from category in Gen.Elements(Enum.GetValues<CostCategory>().Where(c => c != CostCategory.ShelterNight).ToArray())
            from amount in Gen.Choose(1, int.MaxValue).Select(a => (long)a * 97)
            from day in Gen.Choose(0, 29)
            select (Costed)new Paid(category, amount, First.AddDays(day)),
            from opened in Gen.Choose(0, 20)
            from nights in Gen.Choose(1, 9)
            from tariff in Gen.Choose(1, 2_000_000)
            from province in Gen.Elements("21", "61", "53")
            select (Costed)new StayNights(new ShelterStay(Guid.NewGuid(), Maria, province, "Shelter", tariff, First.AddDays(opened),
                First.AddDays(opened + nights), StayEnd.Departed, 2)));

    private static Gen<PostCostLine> Line(IReadOnlyList<RuleSet> rules) =>
        from file in Case
        from what in What
        from payer in Gen.Elements(Enum.GetValues<Party>())
        let pays = what is StayNights s ? Parties.Parties.OfProvince(s.Stay.Province) : payer
        select new PostCostLine(Guid.NewGuid(), file.Id, file, null, what, pays, "agency", "R", null, rules, long.MaxValue, new DateOnly(2026, 12, 31), Now);

    public static Arbitrary<Month> Months() =>
        (from v1 in Version(1, new DateOnly(2026, 1, 1))
         from later in Gen.Choose(1, 30)
         from v2 in Version(2, First.AddDays(later))
         from lines in Gen.Sized(n => Gen.ListOf(Line([v1, v2]), Math.Max(1, n)))
         select new Month([v1, v2], lines)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(MonthArbitrary)], MaxTest = 200)]
public class MoneyProperties
{
    private static (CostLinePosted[] Posted, PeriodClosed Closed) Cleared(Month month)
    {
        var posted = month.Lines.Select(l => Single<CostLinePosted>(PostCostLineDecision.Decide(l, null))).ToArray();
        var entries = posted.Select(p => new LedgerEntry(p.LineId, p.LineId, false, p.Date, p.Category, p.CaseId, p.PaidBy, p.Amount, p.Allocations, "R", null));
        // Some lines reversed: a reversal's entry carries the negated allocation.
        var reversals = posted.Where((_, i) => i % 3 == 0).Select(p => new LedgerEntry(Guid.NewGuid(), p.LineId, true, p.Date, p.Category, p.CaseId, p.PaidBy,
            -p.Amount, Allocation.Reversed(p.Allocations), "R", null));
        var close = new Clearing.Closing.ClosePeriod(new DateOnly(2026, 11, 1), [.. entries, .. reversals], null, "secretariat", new DateOnly(2026, 12, 1), Now);
        return (posted, Single<PeriodClosed>(Clearing.Closing.ClosePeriodDecision.Decide(close, null)));
    }

    [Property]
    public bool Every_line_is_allocated_in_full(Month month) =>
        Cleared(month).Posted.All(p => p.Allocations.Sum(a => a.Amount) == p.Amount);

    [Property]
    public bool For_the_period_the_allocations_sum_to_the_lines(Month month)
    {
        var closed = Cleared(month).Closed;
        return closed.Entries.Sum(e => e.Allocations.Sum(a => a.Amount)) == closed.Entries.Sum(e => e.Amount);
    }

    [Property]
    public bool The_net_balances_of_all_parties_sum_to_zero_and_each_pair_mirrors(Month month)
    {
        var balances = Balances.Clearing(Cleared(month).Closed.Entries);
        return balances.Sum(b => b.Net) == 0
               && balances.All(b => balances.Single(o => o.Party == b.Counterparty && o.Counterparty == b.Party).Net == -b.Net);
    }

    [Property]
    public bool The_statements_nets_sum_to_zero(Month month)
    {
        var period = ClearingPeriodEvolution.Evolve(null, Cleared(month).Closed)!;
        return Enum.GetValues<Party>().Sum(p => Statement.For(period, p).Net) == 0;
    }
}
