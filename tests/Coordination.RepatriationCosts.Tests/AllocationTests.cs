using Coordination.Contracts.DeceasedReturns;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.CostLines.Posting;
using Coordination.RepatriationCosts.Parties;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

public class AllocationTests
{
    [Fact]
    public void Given_a_stay_of_nine_nights_across_the_acceptance_Then_Kalbar_bears_the_nights_before_it_and_NTT_those_from_it()
    {
        var posted = Single<CostLinePosted>(PostCostLineDecision.Decide(Post(new StayNights(Stay(new DateOnly(2026, 11, 23))), Person()), null));

        Assert.Equal((9, 9 * Tariff, CostCategory.ShelterNight), (posted.Nights!.Value, posted.Amount, posted.Category));
        // Nights of the 14th to the 19th before the acceptance on the 20th; the 20th to the 22nd from it.
        Assert.Equal([new Allocated(Party.Ntt, 3 * Tariff), new Allocated(Party.Kalbar, 6 * Tariff)], posted.Allocations);
        Assert.Equal(new DateOnly(2026, 11, 22), posted.Date);
    }

    [Fact]
    public void Given_a_ship_leg_after_the_acceptance_Then_the_origin_province_bears_it_all() =>
        Assert.Equal([new Allocated(Party.Ntt, 1_250_000)], Single<CostLinePosted>(PostCostLineDecision.Decide(Ship(), null)).Allocations);

    [Fact]
    public void Given_a_category_the_rules_do_not_share_Then_the_paying_party_bears_it() =>
        Assert.Equal([new Allocated(Party.Kalbar, 80_000)], Single<CostLinePosted>(PostCostLineDecision.Decide(
            Post(new Paid(CostCategory.Meals, 80_000, Today), Handover()), null)).Allocations);

    [Fact]
    public void Given_a_later_version_of_the_rules_Then_each_line_is_allocated_by_the_version_in_force_on_its_date()
    {
        var v2 = new RuleSet(2, new DateOnly(2026, 11, 21), [new SharingRule(CostCategory.TransportShip, Phase.FromAcceptance,
            [new Share(Bearer.OriginProvince, 50), new Share(Bearer.NationalAgency, 50)])]);
        var before = Post(new Paid(CostCategory.TransportShip, 1_000_001, new DateOnly(2026, 11, 20)), Handover(), rules: [Rules, v2]);
        var after = Post(new Paid(CostCategory.TransportShip, 1_000_001, Today), Handover(), rules: [Rules, v2]);

        var old = Single<CostLinePosted>(PostCostLineDecision.Decide(before, null));
        var shared = Single<CostLinePosted>(PostCostLineDecision.Decide(after, null));

        Assert.Equal([1], old.RuleVersions);
        Assert.Equal([new Allocated(Party.Ntt, 1_000_001)], old.Allocations);
        Assert.Equal([2], shared.RuleVersions);
        // The odd rupiah goes to the first share listed.
        Assert.Equal([new Allocated(Party.Ntt, 500_001), new Allocated(Party.Bp2mi, 500_000)], shared.Allocations);
    }

    [Fact]
    public void Given_a_procedural_workers_remains_Then_BP2MI_bears_the_transport_and_for_a_non_procedural_one_the_origin_province()
    {
        var procedural = PostCostLineDecision.Decide(Post(new Paid(CostCategory.RemainsTransport, 9_000_000, Today),
            Returned(ProceduralStatus.Procedural), Party.Bp2mi, agency: "bp3mi-ntt"), null);
        var nonProcedural = PostCostLineDecision.Decide(Post(new Paid(CostCategory.RemainsTransport, 9_000_000, Today),
            Returned(ProceduralStatus.NonProcedural), Party.Bp2mi, agency: "bp3mi-ntt"), null);

        Assert.Equal([new Allocated(Party.Bp2mi, 9_000_000)], Single<CostLinePosted>(procedural).Allocations);
        Assert.Equal([new Allocated(Party.Ntt, 9_000_000)], Single<CostLinePosted>(nonProcedural).Allocations);
    }

    [Theory]
    [InlineData(100, new[] { 33, 33, 34 }, new long[] { 33, 33, 34 })]
    [InlineData(1, new[] { 50, 50 }, new long[] { 1, 0 })]
    [InlineData(10, new[] { 33, 67 }, new long[] { 3, 7 })]
    [InlineData(999_999_999_999, new[] { 1, 99 }, new long[] { 10_000_000_000, 989_999_999_999 })]
    public void Splits_are_whole_rupiah_by_largest_remainder(long amount, int[] percents, long[] expected)
    {
        var shares = percents.Select((p, i) => new Share((Bearer)i, p)).ToArray();

        var split = Allocation.Split(amount, shares, Party.Kepri, new CaseParties(Party.Kalbar, Party.Ntt)).Select(s => s.Amount).ToArray();

        Assert.Equal(expected, split);
        Assert.Equal(amount, split.Sum());
    }
}
