using Coordination.Contracts;
using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Reporting;
using Coordination.Eventing;
using static Coordination.DeceasedReturns.Tests.Given;

namespace Coordination.DeceasedReturns.Tests;

public class ReportingTests
{
    [Fact]
    public void Given_a_registered_worker_When_their_death_is_reported_Then_the_case_is_NTTs_and_waits_for_its_documents()
    {
        var reported = Reported();

        Assert.Equal((Ntt, "53.01.06", CaseStage.Reported, 1L), (reported.Province, reported.OriginRegion, reported.Stage, reported.Version));
        Assert.Equal("complete-documents", reported.NextStep);
        Assert.DoesNotContain(ReturnDocument.PoliceOrAutopsyReport, reported.RequiredDocuments);
        Assert.Equal(4, reported.MissingDocuments.Count);
    }

    [Theory]
    [InlineData(CauseOfDeath.Accident)]
    [InlineData(CauseOfDeath.Violence)]
    [InlineData(CauseOfDeath.Unknown)]
    public void Given_a_cause_that_needs_the_police_Then_a_police_or_autopsy_report_is_required(CauseOfDeath cause) =>
        Assert.Contains(ReturnDocument.PoliceOrAutopsyReport, Reported(cause).RequiredDocuments);

    [Fact]
    public void Given_a_person_the_registry_does_not_know_When_reported_with_details_Then_the_case_takes_their_origin()
    {
        var person = new PersonReference(Worker, new PersonDetails("Yakobus Rekaan", Sex.Male, new DateOnly(1990, 6, 1), "53.02.01", null));

        var reported = Apply(null, ReportDeathDecision.Decide(Report(deceased: person, knownOrigin: null), null));

        Assert.Equal(("53.02.01", Ntt), (reported.OriginRegion, reported.Province));
    }

    [Fact]
    public void Given_a_worker_id_the_registry_has_not_published_When_reported_Then_the_id_is_refused() =>
        Assert.Equal("deceased.workerId", Refusal(Report(knownOrigin: null)).Field);

    [Fact]
    public void Given_details_from_an_unknown_district_Then_the_origin_is_refused() =>
        Assert.Equal("deceased.originRegion", Refusal(Report(knownOrigin: null,
            deceased: new(Worker, new PersonDetails("Ada Rekaan", Sex.Female, new DateOnly(1990, 1, 1), "53.99.99", null)))).Field);

    [Fact]
    public void Given_a_death_in_Indonesia_Then_it_is_not_a_return_from_abroad() =>
        Assert.Equal("countryOfDeath", Refusal(Report(country: "ID")).Field);

    [Fact]
    public void Given_a_death_dated_tomorrow_Then_it_is_refused() =>
        Assert.Equal("diedOn", Refusal(Report(diedOn: new DateOnly(2026, 11, 21))).Field);

    [Fact]
    public void Given_a_death_before_the_birth_Then_it_is_refused() =>
        Assert.Equal("diedOn", Refusal(Report(knownOrigin: null, diedOn: new DateOnly(1980, 1, 1),
            deceased: new(Worker, new PersonDetails("Ada Rekaan", Sex.Female, new DateOnly(1990, 1, 1), "53.01.06", null)))).Field);

    [Fact]
    public void Given_the_cause_other_without_detail_Then_it_is_refused_and_with_detail_it_is_reported()
    {
        Assert.Equal("causeDetail", Refusal(Report(CauseOfDeath.Other)).Field);
        Assert.Null(ReportDeathDecision.Decide(Report(CauseOfDeath.Other, causeDetail: "drowned at sea"), null).Error);
    }

    [Fact]
    public void Given_a_reported_case_When_reported_again_Then_it_is_a_state_conflict_naming_the_stage() =>
        Assert.Contains("reported", Assert.IsType<StateConflict>(ReportDeathDecision.Decide(Report(), Reported()).Error).Detail);

    private static RuleBroken Refusal(ReportDeath command) => Assert.IsType<RuleBroken>(ReportDeathDecision.Decide(command, null).Error);
}
