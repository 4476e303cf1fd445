using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Family;
using Coordination.Eventing;
using static Coordination.DeceasedReturns.Tests.Given;

namespace Coordination.DeceasedReturns.Tests;

public class FamilyTests
{
    [Fact]
    public void Given_arrived_remains_When_handed_to_the_wife_Then_the_case_says_to_whom_and_waits_for_the_burial()
    {
        var handed = Handed();

        Assert.Equal(("Maria Rekaan", "wife"), (handed.HandedToFamily!.Recipient.Name, handed.HandedToFamily.Recipient.Relation));
        Assert.Equal("record-burial", handed.NextStep);
    }

    [Fact]
    public void Given_remains_in_transit_When_handed_to_the_family_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(FamilyDecisions.Decide(Hand(), Departed()).Error);

    [Fact]
    public void Given_arrived_remains_When_another_province_hands_them_over_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(FamilyDecisions.Decide(Hand(Kepri), Arrived()).Error);

    [Fact]
    public void Given_a_handover_dated_before_the_arrival_Then_it_is_refused() =>
        Assert.Equal("handedAt", Assert.IsType<RuleBroken>(FamilyDecisions.Decide(Hand(at: Now), Arrived()).Error).Field);

    [Fact]
    public void Given_remains_with_the_family_When_the_burial_is_recorded_Then_the_case_can_be_closed()
    {
        var buried = Buried();

        Assert.Equal((CaseStage.Buried, "close"), (buried.Stage, buried.NextStep));
    }

    [Fact]
    public void Given_arrived_remains_not_yet_handed_over_When_a_burial_is_recorded_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(FamilyDecisions.Decide(Bury(), Arrived()).Error);

    [Fact]
    public void Given_a_burial_before_the_handover_or_in_the_future_Then_it_is_refused()
    {
        Assert.Equal("buriedOn", Assert.IsType<RuleBroken>(FamilyDecisions.Decide(Bury(new DateOnly(2026, 11, 19)), Handed()).Error).Field);
        Assert.Equal("buriedOn", Assert.IsType<RuleBroken>(FamilyDecisions.Decide(Bury(new DateOnly(2026, 12, 25)), Handed()).Error).Field);
    }

    [Fact]
    public void Given_a_buried_worker_When_NTT_closes_the_case_Then_it_is_closed_and_waits_for_nothing()
    {
        var closed = Apply(Buried(), FamilyDecisions.Decide(Close(), Buried()));

        Assert.Equal((CaseStage.Closed, "none", 1L + 2 * 4 + 6), (closed.Stage, closed.NextStep, closed.Version));
    }

    [Fact]
    public void Given_a_case_not_yet_buried_When_closed_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(FamilyDecisions.Decide(Close(), Handed()).Error);

    [Fact]
    public void Given_a_closed_case_When_closed_again_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(FamilyDecisions.Decide(Close(), Apply(Buried(), FamilyDecisions.Decide(Close(), Buried()))).Error);

    [Fact]
    public void Given_a_buried_worker_When_another_province_closes_the_case_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(FamilyDecisions.Decide(Close(Kepri), Buried()).Error);
}
