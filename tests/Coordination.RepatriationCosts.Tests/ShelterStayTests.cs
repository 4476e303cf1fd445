using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.ShelterStays;
using static Coordination.RepatriationCosts.Tests.Given;

namespace Coordination.RepatriationCosts.Tests;

public class ShelterStayTests
{
    private static OpenStay Open(bool alreadySheltered = false, long tariff = Tariff, DateOnly? on = null) =>
        new(StayId, Maria, "61", "Shelter P4MI Entikong", tariff, on ?? new DateOnly(2026, 11, 14), alreadySheltered, "disnakertrans-kalbar", Today, Now);

    private static CloseStay Close(DateOnly on, string province = "61") => new(StayId, on, StayEnd.Departed, province, "disnakertrans-kalbar", Today, Now);

    private static ShelterStay Opened() => ShelterStayEvolution.Evolve(null, Single<ShelterStayOpened>(ShelterStayDecisions.Decide(Open(), null)))!;

    [Fact]
    public void A_stay_from_the_14th_closed_on_the_23rd_has_nine_nights_each_dated_on_its_evening()
    {
        var closed = Single<ShelterStayClosed>(ShelterStayDecisions.Decide(Close(Today), Opened()));
        var stay = ShelterStayEvolution.Evolve(Opened(), closed)!;

        Assert.Equal(9, closed.Nights);
        Assert.Equal(9, stay.Nights);
        Assert.Equal((new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 22)), (stay.NightDates.First(), stay.NightDates.Last()));
    }

    [Fact]
    public void One_open_stay_per_person_at_a_positive_tariff_not_opened_in_the_future()
    {
        Refused<StateConflict>(ShelterStayDecisions.Decide(Open(alreadySheltered: true), null));
        Assert.Equal("tariff", Refused<RuleBroken>(ShelterStayDecisions.Decide(Open(tariff: 0), null)).Field);
        Assert.Equal("openedOn", Refused<RuleBroken>(ShelterStayDecisions.Decide(Open(on: Today.AddDays(1)), null)).Field);
    }

    [Fact]
    public void Only_the_shelters_province_closes_a_stay_once_within_it()
    {
        Refused<NotYours>(ShelterStayDecisions.Decide(Close(Today, province: "53"), Opened()));
        Assert.Equal("closedOn", Refused<RuleBroken>(ShelterStayDecisions.Decide(Close(new DateOnly(2026, 11, 13)), Opened())).Field);
        var closed = ShelterStayEvolution.Evolve(Opened(), Single<ShelterStayClosed>(ShelterStayDecisions.Decide(Close(Today), Opened())));
        Refused<StateConflict>(ShelterStayDecisions.Decide(Close(Today), closed));
    }

    [Fact]
    public void A_person_is_before_acceptance_until_the_day_the_handover_is_accepted()
    {
        Assert.Equal(Phase.BeforeAcceptance, Person().PhaseOn(AcceptedOn.AddDays(-1)));
        Assert.Equal(Phase.FromAcceptance, Person().PhaseOn(AcceptedOn));
        Assert.Equal(Phase.BeforeAcceptance, (Person() with { AcceptedOn = null }).PhaseOn(Today));
        Assert.Equal(Phase.NonProceduralReturn, Returned(Contracts.DeceasedReturns.ProceduralStatus.Unknown).PhaseOn(Today));
    }
}
