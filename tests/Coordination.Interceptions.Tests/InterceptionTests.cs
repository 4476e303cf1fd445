using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.Interceptions.Interceptions;
using Coordination.Interceptions.Interceptions.Outcomes;
using Coordination.Interceptions.Interceptions.Recording;
using static Coordination.Interceptions.Tests.Given;

namespace Coordination.Interceptions.Tests;

public class InterceptionTests
{
    [Fact]
    public void Given_a_group_stopped_at_Entikong_Then_each_person_is_sheltered_with_their_origin()
    {
        var interception = Intercepted();

        Assert.Equal(Kalbar, interception.Province);
        Assert.All(interception.People, p => Assert.Equal(PersonOutcome.Sheltered, p.Outcome));
        Assert.Equal("53.01.19", interception.PersonOf(Maria)!.OriginRegion);
    }

    [Fact]
    public void Given_an_unknown_exit_point_Then_the_exitPoint_rule_is_broken() =>
        Assert.Equal("exitPoint", Assert.IsType<RuleBroken>(RecordInterceptionDecision.Decide(Recording("PLBN-NOWHERE"), null).Error).Field);

    [Fact]
    public void Given_an_exit_point_in_another_province_Then_it_is_not_the_callers_to_record() =>
        Assert.IsType<NotYours>(RecordInterceptionDecision.Decide(Recording("KOE", Kalbar), null).Error);

    [Fact]
    public void Given_a_worker_id_the_registry_has_not_published_and_no_details_Then_the_person_is_refused() =>
        Assert.Equal("people[0].workerId", Assert.IsType<RuleBroken>(RecordInterceptionDecision.Decide(
            Recording(people: [new PersonReference(Guid.NewGuid(), null)]), null).Error).Field);

    [Fact]
    public void Given_a_new_person_with_details_Then_their_origin_comes_from_the_details()
    {
        var stranger = Guid.NewGuid();
        var details = new PersonDetails("Tanpa Dokumen", Sex.Female, new DateOnly(2004, 2, 10), "53.02.01", null);

        var recorded = Apply(null, RecordInterceptionDecision.Decide(Recording(people: [new PersonReference(stranger, details)]), null));

        Assert.Equal("53.02.01", recorded.PersonOf(stranger)!.OriginRegion);
    }

    [Fact]
    public void Given_details_with_an_unknown_origin_Then_the_origin_rule_is_broken() =>
        Assert.Equal("people[0].details.originRegion", Assert.IsType<RuleBroken>(RecordInterceptionDecision.Decide(Recording(people:
            [new PersonReference(Guid.NewGuid(), new PersonDetails("A", Sex.Male, new DateOnly(2000, 1, 1), "53.99.01", null))]), null).Error).Field);

    [Fact]
    public void Given_reason_other_without_text_Then_the_reasons_rule_is_broken() =>
        Assert.Equal("reasons", Assert.IsType<RuleBroken>(RecordInterceptionDecision.Decide(
            Recording(reasons: [new Reason(ReasonCode.Other, null)]), null).Error).Field);

    [Fact]
    public void Given_a_person_twice_Then_the_people_rule_is_broken() =>
        Assert.Equal("people", Assert.IsType<RuleBroken>(RecordInterceptionDecision.Decide(
            Recording(people: [new PersonReference(Maria, null), new PersonReference(Maria, null)]), null).Error).Field);

    [Fact]
    public void Given_a_sheltered_person_When_local_employment_is_arranged_Then_only_that_person_leaves_the_shelter()
    {
        var command = new ArrangeLocalEmployment(Id, Maria, "PT Sawit Contoh", new DateOnly(2026, 12, 1), "disnakertrans-kalbar", Kalbar, Now);

        var after = Apply(Intercepted(), OutcomeDecisions.Decide(command, Intercepted()));

        Assert.Equal(PersonOutcome.LocalEmployment, after.PersonOf(Maria)!.Outcome);
        Assert.Equal(PersonOutcome.Sheltered, after.PersonOf(Yosef)!.Outcome);
    }

    [Fact]
    public void Given_another_province_When_it_records_an_outcome_Then_it_is_not_theirs() =>
        Assert.IsType<NotYours>(OutcomeDecisions.Decide(new RecordAbsconding(Id, Maria, new DateOnly(2026, 11, 23), "disnakertrans-ntt", Ntt, Now),
            Intercepted()).Error);

    [Fact]
    public void Given_a_person_on_a_handover_When_they_are_referred_to_police_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(OutcomeDecisions.Decide(new ReferToPolice(Id, Maria, "LP/1", "disnakertrans-kalbar", Kalbar, Now),
            Requested()).Error);

    [Fact]
    public void Given_someone_not_stopped_here_When_an_outcome_is_recorded_Then_they_are_missing() =>
        Assert.IsType<Missing>(OutcomeDecisions.Decide(new RecordAbsconding(Id, Guid.NewGuid(), new DateOnly(2026, 11, 23), "x", Kalbar, Now),
            Intercepted()).Error);
}
