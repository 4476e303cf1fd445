using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Repatriation;
using Coordination.Eventing;
using static Coordination.DeceasedReturns.Tests.Given;

namespace Coordination.DeceasedReturns.Tests;

public class RepatriationTests
{
    [Fact]
    public void Given_a_documented_case_When_the_remains_are_booked_KUL_CGK_KOE_Then_they_wait_to_depart()
    {
        var arranged = Arranged();

        Assert.Equal((CaseStage.RepatriationArranged, "depart"), (arranged.Stage, arranged.NextStep));
        Assert.Equal(Legs[^1].ExpectedArrival, arranged.Repatriation!.ExpectedArrival);
    }

    [Fact]
    public void Given_a_booking_When_arranged_again_before_departure_Then_the_new_booking_replaces_it()
    {
        Leg[] direct = [new("KUL", "KOE", Now.AddDays(2))];

        var rebooked = Apply(Arranged(), RepatriationDecisions.Decide(Arrange(direct), Arranged()));

        Assert.Single(rebooked.Repatriation!.Legs);
    }

    [Fact]
    public void Given_legs_that_do_not_connect_Then_the_route_is_refused() =>
        Assert.Equal("legs[1].from", Refusal(Arrange([new("KUL", "CGK", Now), new("SUB", "KOE", Now.AddHours(5))])).Field);

    [Fact]
    public void Given_a_leg_arriving_before_the_one_before_it_Then_the_route_is_refused() =>
        Assert.Equal("legs[1].expectedArrival", Refusal(Arrange([new("KUL", "CGK", Now.AddHours(5)), new("CGK", "KOE", Now)])).Field);

    [Fact]
    public void Given_a_route_ending_outside_NTT_Then_it_is_refused() =>
        Assert.Equal("legs[0].to", Refusal(Arrange([new("SIN", "BTH", Now)])).Field);

    [Fact]
    public void Given_no_legs_Then_the_route_is_refused() => Assert.Equal("legs", Refusal(Arrange([])).Field);

    [Fact]
    public void Given_departed_remains_When_arranged_again_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(RepatriationDecisions.Decide(Arrange(), Departed()).Error);

    [Fact]
    public void Given_a_booking_When_the_remains_depart_Then_they_leave_from_the_first_legs_airport()
    {
        var departed = Departed();

        Assert.Equal((CaseStage.Departed, "KUL", "confirm-arrival"), (departed.Stage, departed.Departed!.Place, departed.NextStep));
    }

    [Fact]
    public void Given_a_document_missing_When_the_remains_depart_Then_it_is_a_state_conflict_naming_it()
    {
        var reported = Reported(CauseOfDeath.Accident);
        var withoutPoliceReport = Arranged(WithDocuments(reported,
            [.. reported.RequiredDocuments.Where(d => d != ReturnDocument.PoliceOrAutopsyReport)]));

        var conflict = Assert.IsType<StateConflict>(RepatriationDecisions.Decide(Depart(), withoutPoliceReport).Error);

        Assert.Contains("police-or-autopsy-report", conflict.Detail);
    }

    [Fact]
    public void Given_no_booking_When_the_remains_depart_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(RepatriationDecisions.Decide(Depart(), Documented()).Error);

    [Fact]
    public void Given_a_departure_dated_tomorrow_Then_it_is_refused() =>
        Assert.Equal("departedAt", Assert.IsType<RuleBroken>(RepatriationDecisions.Decide(Depart(Now.AddDays(1)), Arranged()).Error).Field);

    [Fact]
    public void Given_a_departure_before_the_death_Then_it_is_refused() =>
        Assert.Equal("departedAt", Assert.IsType<RuleBroken>(RepatriationDecisions.Decide(Depart(Now.AddMonths(-1)), Arranged()).Error).Field);

    [Fact]
    public void Given_departed_remains_When_NTT_confirms_them_at_El_Tari_Then_they_have_arrived()
    {
        var arrived = Arrived();

        Assert.Equal((CaseStage.Arrived, "KOE", "hand-to-family"), (arrived.Stage, arrived.Arrived!.Place, arrived.NextStep));
    }

    [Fact]
    public void Given_departed_remains_When_another_province_confirms_the_arrival_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(RepatriationDecisions.Decide(Arrive(Kepri), Departed()).Error);

    [Fact]
    public void Given_remains_not_yet_departed_When_the_arrival_is_confirmed_Then_it_is_a_state_conflict_with_the_stage() =>
        Assert.Contains("repatriation-arranged", Assert.IsType<StateConflict>(RepatriationDecisions.Decide(Arrive(), Arranged()).Error).Detail);

    [Fact]
    public void Given_an_arrival_before_the_departure_Then_it_is_refused() =>
        Assert.Equal("arrivedAt", Assert.IsType<RuleBroken>(RepatriationDecisions.Decide(Arrive(at: Now.AddHours(-1)), Departed()).Error).Field);

    private static RuleBroken Refusal(ArrangeRepatriation command) => Assert.IsType<RuleBroken>(RepatriationDecisions.Decide(command, Documented()).Error);
}
