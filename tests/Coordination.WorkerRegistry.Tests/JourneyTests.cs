using Coordination.Eventing;
using Coordination.WorkerRegistry.Companies;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Journey;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

public class JourneyTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    private static RecordDeparture Departure(DateOnly? on = null, Company? company = null, string country = "MY") =>
        new(Id, CompanyId, company is null ? null : company.LicenceOn(on ?? Day), country, "plantation worker", on ?? Day,
            "bp3mi-ntt", Now);

    [Fact]
    public void Given_a_prospective_worker_When_training_is_completed_Then_they_are_trained()
    {
        var decision = JourneyDecisions.Decide(new CompleteTraining(Id, "BLK Kupang", "BLK-1", Day, "disnakertrans-ntt", Now), Worker());

        var trained = Evolved(Worker(), [.. decision.Events]);
        Assert.Equal(WorkerStatus.Trained, trained.Status);
        Assert.Equal("53.01.06", Assert.IsType<TrainingCompleted>(Assert.Single(decision.Events)).OriginRegion);
    }

    [Fact]
    public void Given_no_worker_When_training_is_completed_Then_the_worker_is_missing() =>
        Assert.IsType<Missing>(JourneyDecisions.Decide(new CompleteTraining(Id, "BLK", "1", Day, "x", Now), null).Error);

    [Fact]
    public void Given_a_training_date_after_today_Then_the_completedOn_rule_is_broken() =>
        Assert.Equal("completedOn", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(
            new CompleteTraining(Id, "BLK", "1", new DateOnly(2026, 11, 24), "x", Now), Worker()).Error).Field);

    [Fact]
    public void Given_a_licensed_company_When_an_adult_departs_Then_they_are_departed()
    {
        var decision = JourneyDecisions.Decide(Departure(company: Company()), Worker());

        var departed = Evolved(Worker(), [.. decision.Events]);
        Assert.Equal(WorkerStatus.Departed, departed.Status);
        Assert.Equal("MY", departed.History.Single(h => h.Kind == "departed").Country);
    }

    [Fact]
    public void Given_a_worker_abroad_When_departing_again_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(JourneyDecisions.Decide(Departure(company: Company()), Worker(null, Departed(Day))).Error);

    [Fact]
    public void Given_a_worker_under_18_on_the_day_When_departing_Then_the_departedOn_rule_is_broken()
    {
        var minor = Worker(Registration(nik: null, birth: new DateOnly(2008, 6, 2)));

        Assert.Equal("departedOn", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(Departure(company: Company()), minor).Error).Field);
    }

    [Fact]
    public void Given_a_worker_who_turns_18_that_day_When_departing_Then_they_may() =>
        Assert.Null(JourneyDecisions.Decide(Departure(company: Company()),
            Worker(Registration(nik: null, birth: new DateOnly(2008, 6, 1)))).Error);

    [Fact]
    public void Given_no_such_company_When_departing_Then_the_companyId_rule_is_broken() =>
        Assert.Equal("companyId", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(Departure(), Worker()).Error).Field);

    [Fact]
    public void Given_a_suspended_company_When_departing_Then_the_companyId_rule_is_broken()
    {
        var suspended = Company(null, null, new LicenceSuspended(CompanyId, new DateOnly(2026, 1, 1), "audit", "bp3mi-ntt", Now));

        var error = Assert.IsType<RuleBroken>(JourneyDecisions.Decide(Departure(company: suspended), Worker()).Error);

        Assert.Equal("companyId", error.Field);
        Assert.Contains("suspended", error.Detail);
    }

    [Fact]
    public void Given_an_expired_licence_When_departing_Then_the_companyId_rule_is_broken() =>
        Assert.Equal("companyId", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(
            Departure(company: Company(new DateOnly(2015, 1, 1), new DateOnly(2019, 12, 31))), Worker()).Error).Field);

    [Fact]
    public void Given_Indonesia_as_destination_When_departing_Then_the_destination_rule_is_broken() =>
        Assert.Equal("destinationCountry", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(
            Departure(company: Company(), country: "ID"), Worker()).Error).Field);

    [Fact]
    public void Given_a_departed_worker_When_they_return_Then_they_are_purna_migran()
    {
        var abroad = Worker(null, Departed(Day));

        var decision = JourneyDecisions.Decide(new RecordReturn(Id, new DateOnly(2026, 11, 1), "bp3mi-ntt", Now), abroad);

        Assert.Equal(WorkerStatus.Returned, Evolved(abroad, [.. decision.Events]).Status);
    }

    [Fact]
    public void Given_a_return_dated_before_the_departure_Then_the_returnedOn_rule_is_broken() =>
        Assert.Equal("returnedOn", Assert.IsType<RuleBroken>(JourneyDecisions.Decide(
            new RecordReturn(Id, new DateOnly(2026, 5, 31), "bp3mi-ntt", Now), Worker(null, Departed(Day))).Error).Field);

    [Fact]
    public void Given_a_worker_who_never_departed_When_they_return_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(JourneyDecisions.Decide(new RecordReturn(Id, Day, "bp3mi-ntt", Now), Worker()).Error);

    [Fact]
    public void Given_a_deceased_worker_When_training_is_recorded_Then_it_is_a_state_conflict()
    {
        var deceased = Worker(null, new DeathRecorded(Id, Guid.NewGuid(), "MY", Day, true, "bp3mi-ntt", Now));

        Assert.IsType<StateConflict>(JourneyDecisions.Decide(new CompleteTraining(Id, "BLK", "1", Day, "x", Now), deceased).Error);
    }

    [Fact]
    public void Given_a_merged_record_When_a_step_is_recorded_Then_it_is_a_state_conflict_naming_the_survivor()
    {
        var merged = Worker(null, new MergedInto(Id, OtherId, "same person", "x", Now));

        var error = Assert.IsType<StateConflict>(JourneyDecisions.Decide(Departure(company: Company()), merged).Error);

        Assert.Contains(OtherId.ToString(), error.Detail);
    }
}
