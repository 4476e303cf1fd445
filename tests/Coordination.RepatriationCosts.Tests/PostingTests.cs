using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.CostLines.Posting;
using Coordination.RepatriationCosts.CostLines.Reversing;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

public class PostingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(Bound + 1)]
    public void Amounts_that_are_not_positive_or_over_the_bound_break_a_rule(long amount) =>
        Assert.Equal("amount", Refused<RuleBroken>(PostCostLineDecision.Decide(Ship(amount), null)).Field);

    [Fact]
    public void The_bound_itself_is_allowed() => Single<CostLinePosted>(PostCostLineDecision.Decide(Ship(Bound), null));

    [Fact]
    public void An_unknown_case_breaks_a_rule() =>
        Assert.Equal("caseId", Refused<RuleBroken>(PostCostLineDecision.Decide(Post(new Paid(CostCategory.Meals, 1, Today)), null)).Field);

    [Fact]
    public void A_cost_dated_tomorrow_breaks_a_rule() =>
        Assert.Equal("date", Refused<RuleBroken>(PostCostLineDecision.Decide(Ship(date: Today.AddDays(1)), null)).Field);

    [Fact]
    public void A_date_before_any_version_of_the_rules_breaks_a_rule() =>
        Assert.Equal("date", Refused<RuleBroken>(PostCostLineDecision.Decide(Ship(date: new DateOnly(2025, 12, 31)), null)).Field);

    [Fact]
    public void Shelter_nights_are_billed_from_the_stay_not_posted_as_an_amount() =>
        Assert.Equal("category", Refused<RuleBroken>(PostCostLineDecision.Decide(Post(new Paid(CostCategory.ShelterNight, 150_000, Today), Person()), null)).Field);

    [Fact]
    public void A_stay_still_open_is_not_billed() =>
        Refused<StateConflict>(PostCostLineDecision.Decide(Post(new StayNights(Stay(null)), Person()), null));

    [Fact]
    public void Only_the_shelters_province_bills_its_nights() =>
        Refused<NotYours>(PostCostLineDecision.Decide(Post(new StayNights(Stay(Today)), Person(), Party.Ntt, agency: "disnakertrans-ntt"), null));

    [Fact]
    public void An_agency_acting_for_no_party_posts_nothing() =>
        Refused<NotYours>(PostCostLineDecision.Decide(Post(new Paid(CostCategory.Meals, 1, Today), Handover(), payer: null), null));

    [Theory]
    [InlineData("bp3mi-kalbar", "61", Party.Bp2mi)]
    [InlineData("disnakertrans-kalbar", "61", Party.Kalbar)]
    [InlineData("disnakertrans-ntt", "53", Party.Ntt)]
    public void BP3MI_offices_act_for_BP2MI_and_labour_offices_for_their_province(string agency, string province, Party party) =>
        Assert.Equal(party, Parties.Parties.ActingFor(new Agency(agency, province, [Roles.CostsWrite])));

    [Fact]
    public void An_integrator_acts_for_no_party() => Assert.Null(Parties.Parties.ActingFor(new Agency("integrator-demo", "", [Roles.FeedRead])));

    private static ReverseCostLine Reverse(Party? caller = Party.Kalbar) =>
        new(LineId, Guid.NewGuid(), "refunded", caller, "disnakertrans-kalbar", Today, Now);

    [Fact]
    public void A_reversal_takes_back_the_whole_allocation()
    {
        var line = Line(Single<CostLinePosted>(PostCostLineDecision.Decide(Ship(), null)));

        var reversed = Single<CostLineReversed>(ReverseCostLineDecision.Decide(Reverse(), line));

        Assert.Equal([new Allocated(Party.Ntt, -1_250_000)], reversed.Allocations);
        Assert.NotNull(CostLineEvolution.Evolve(line, reversed)!.Reversal);
    }

    [Fact]
    public void Only_the_paying_party_reverses_and_only_once()
    {
        var line = Line(Single<CostLinePosted>(PostCostLineDecision.Decide(Ship(), null)));
        var reversed = CostLineEvolution.Evolve(line, Single<CostLineReversed>(ReverseCostLineDecision.Decide(Reverse(), line)));

        Refused<NotYours>(ReverseCostLineDecision.Decide(Reverse(Party.Ntt), line));
        Refused<StateConflict>(ReverseCostLineDecision.Decide(Reverse(), reversed));
        Refused<Missing>(ReverseCostLineDecision.Decide(Reverse(), null));
    }
}
