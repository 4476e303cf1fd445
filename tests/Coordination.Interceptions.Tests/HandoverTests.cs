using Coordination.Eventing;
using Coordination.Interceptions.Handovers;
using Coordination.Interceptions.Interceptions;
using static Coordination.Interceptions.Tests.Given;

namespace Coordination.Interceptions.Tests;

public class HandoverTests
{
    [Fact]
    public void Given_sheltered_NTT_workers_When_Kalbar_requests_a_handover_Then_it_goes_to_NTT_with_a_reply_due_in_the_period()
    {
        var requested = Requested();

        var handover = Assert.Single(requested.Handovers);
        Assert.Equal((Kalbar, Ntt), (handover.FromProvince, handover.ToProvince));
        Assert.Equal(Now.AddDays(3), handover.ReplyDue);
        Assert.Equal("requested", handover.BoardStatus);
        Assert.All(requested.People, p => Assert.Equal(PersonOutcome.HandoverRequested, p.Outcome));
    }

    [Fact]
    public void Given_another_province_When_it_requests_the_handover_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(HandoverDecisions.Decide(Request(province: Ntt), Intercepted()).Error);

    [Fact]
    public void Given_people_from_two_provinces_Then_one_handover_cannot_take_them() =>
        Assert.Equal("people", Assert.IsType<RuleBroken>(HandoverDecisions.Decide(
            Request(origins: new() { [Maria] = "53.01.19", [Yosef] = "61.03.21" }), Intercepted()).Error).Field);

    [Fact]
    public void Given_an_origin_the_registry_has_not_published_yet_Then_the_request_waits() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Request(origins: new() { [Maria] = "53.01.19" }), Intercepted()).Error);

    [Fact]
    public void Given_a_person_already_on_a_handover_When_requested_again_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Request([Maria]), Requested()).Error);

    [Fact]
    public void Given_a_request_When_the_intercepting_province_accepts_its_own_request_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(HandoverDecisions.Decide(Accept(Kalbar), Requested()).Error);

    [Fact]
    public void Given_a_request_When_a_third_province_replies_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(HandoverDecisions.Decide(Accept(Kepri), Requested()).Error);

    [Fact]
    public void Given_an_accepted_handover_When_accepted_twice_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Accept(), Accepted()).Error);

    [Fact]
    public void Given_a_rejection_Then_the_people_are_back_in_the_shelter()
    {
        var rejected = Apply(Requested(), HandoverDecisions.Decide(
            new ReplyToHandover(Id, HandoverId, false, RejectionReason.NotFromThisProvince, null, "disnakertrans-ntt", Ntt, Now), Requested()));

        Assert.Equal("rejected", rejected.Handovers[0].BoardStatus);
        Assert.All(rejected.People, p => Assert.Equal(PersonOutcome.Sheltered, p.Outcome));
    }

    [Fact]
    public void Given_a_request_When_people_depart_before_it_is_accepted_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Depart(), Requested()).Error);

    [Fact]
    public void Given_legs_out_of_order_Then_the_legs_rule_is_broken() =>
        Assert.Equal("legs[1].expectedArrival", Assert.IsType<RuleBroken>(HandoverDecisions.Decide(
            Depart() with { Legs = [Legs[1], Legs[0]] }, Accepted()).Error).Field);

    [Fact]
    public void Given_people_in_transit_When_each_leg_is_acknowledged_Then_the_chain_of_custody_is_recorded_once()
    {
        var ack = new AcknowledgeLeg(Id, HandoverId, 1, "bp3mi-ntt", Now.AddDays(2));
        var once = Apply(InTransit(), HandoverDecisions.Decide(ack, InTransit()));

        Assert.Equal([1], once.Handovers[0].Transport!.AcknowledgedLegs);
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(ack, once).Error);
        Assert.IsType<Missing>(HandoverDecisions.Decide(ack with { Leg = 3 }, once).Error);
    }

    [Fact]
    public void Given_people_in_transit_When_NTT_confirms_everyone_arrived_Then_the_handover_is_closed()
    {
        var home = Apply(InTransit(), HandoverDecisions.Decide(Arrival([Maria, Yosef]), InTransit()));

        Assert.Equal("closed", home.Handovers[0].BoardStatus);
        Assert.All(home.People, p => Assert.Equal(PersonOutcome.ReturnedHome, p.Outcome));
    }

    [Fact]
    public void Given_an_arrival_of_someone_not_on_the_handover_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Arrival([Guid.NewGuid()]), InTransit()).Error);

    [Fact]
    public void Given_an_arrival_confirmed_by_the_sending_province_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(HandoverDecisions.Decide(Arrival([Maria], Kalbar), InTransit()).Error);

    [Fact]
    public void Given_an_arrival_before_departure_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(HandoverDecisions.Decide(Arrival([Maria]), Accepted()).Error);

    [Fact]
    public void Given_an_unanswered_request_past_its_reply_date_Then_the_job_marks_it_overdue_once()
    {
        var late = Now.AddDays(3).AddMinutes(1);

        var overdue = Apply(Requested(), Deadlines.Decide(Requested(), late, TimeSpan.FromHours(12)));

        Assert.Equal("overdue", overdue.Handovers[0].BoardStatus);
        Assert.Empty(Deadlines.Decide(overdue, late.AddHours(1), TimeSpan.FromHours(12)).Events);
        Assert.Empty(Deadlines.Decide(Requested(), Now.AddDays(2), TimeSpan.FromHours(12)).Events);
        Assert.Null(HandoverDecisions.Decide(Accept(), overdue).Error); // an overdue request can still be accepted
    }

    [Fact]
    public void Given_one_of_two_not_confirmed_by_the_expected_arrival_plus_grace_Then_only_the_missing_one_failed_to_arrive()
    {
        var halfHome = Apply(InTransit(), HandoverDecisions.Decide(Arrival([Maria]), InTransit()));

        var failed = Apply(halfHome, Deadlines.Decide(halfHome, Legs[^1].ExpectedArrival.AddHours(13), TimeSpan.FromHours(12)));

        Assert.Equal("failed-to-arrive", failed.Handovers[0].BoardStatus);
        Assert.Equal([Yosef], failed.Handovers[0].Missing);
        Assert.Equal(PersonOutcome.FailedToArrive, failed.PersonOf(Yosef)!.Outcome);
        Assert.Empty(Deadlines.Decide(halfHome, Legs[^1].ExpectedArrival.AddHours(11), TimeSpan.FromHours(12)).Events);
        // A late confirmation of the missing person still closes the handover.
        Assert.Equal("closed", Apply(failed, HandoverDecisions.Decide(Arrival([Yosef]) with { Now = Now.AddDays(5) }, failed)).Handovers[0].BoardStatus);
    }

    [Fact]
    public void The_next_deadline_is_the_reply_due_then_the_expected_arrival_and_none_once_the_job_has_nothing_left()
    {
        Assert.Null(Intercepted().NextDeadline);
        Assert.Equal(Requested().Handovers[0].ReplyDue, Requested().NextDeadline);
        var overdue = Apply(Requested(), Deadlines.Decide(Requested(), Now.AddDays(4), TimeSpan.FromHours(12)));
        Assert.Null(overdue.NextDeadline);
        Assert.Null(Accepted().NextDeadline);
        Assert.Equal(Legs[^1].ExpectedArrival, InTransit().NextDeadline);
        var failed = Apply(InTransit(), Deadlines.Decide(InTransit(), Legs[^1].ExpectedArrival.AddHours(13), TimeSpan.FromHours(12)));
        Assert.Null(failed.NextDeadline);
    }
}
