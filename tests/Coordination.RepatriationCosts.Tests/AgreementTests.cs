using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Agreement.Setting;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

public class AgreementTests
{
    private static SetSharingRules Set(DateOnly from, params SharingRule[] rules) => new(from, rules, "agreement-secretariat", Now);

    private static readonly SharingRule Ship = Rule(CostCategory.TransportShip, Phase.FromAcceptance, Bearer.OriginProvince);

    [Fact]
    public void Versions_are_numbered_in_order_and_each_starts_after_the_last()
    {
        var first = AgreementEvolution.Evolve(null, Single<SharingRulesSet>(SetSharingRulesDecision.Decide(Set(new(2026, 1, 1), Ship), null)));
        var second = Single<SharingRulesSet>(SetSharingRulesDecision.Decide(Set(new(2026, 7, 1), Ship), first));

        Assert.Equal(2, second.Version);
        Refused<StateConflict>(SetSharingRulesDecision.Decide(Set(new(2026, 1, 1), Ship), first));
    }

    [Fact]
    public void Shares_must_make_a_hundred_percent() =>
        Assert.Equal("rules[0].shares", Refused<RuleBroken>(SetSharingRulesDecision.Decide(Set(new(2026, 1, 1),
            new SharingRule(CostCategory.Meals, Phase.BeforeAcceptance, [new Share(Bearer.OriginProvince, 60), new Share(Bearer.NationalAgency, 30)])), null)).Field);

    [Fact]
    public void One_rule_per_category_and_phase() =>
        Assert.Equal("rules[1]", Refused<RuleBroken>(SetSharingRulesDecision.Decide(Set(new(2026, 1, 1), Ship, Ship), null)).Field);

    [Fact]
    public void The_version_in_force_is_the_latest_that_began_on_or_before_the_day()
    {
        RuleSet[] versions = [Rules, new(2, new DateOnly(2026, 7, 1), [])];

        Assert.Null(Allocation.InForce(versions, new DateOnly(2025, 12, 31)));
        Assert.Equal(1, Allocation.InForce(versions, new DateOnly(2026, 6, 30))!.Version);
        Assert.Equal(2, Allocation.InForce(versions, new DateOnly(2026, 7, 1))!.Version);
    }
}
