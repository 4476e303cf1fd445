using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Registering;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

public class RegisteringTests
{
    [Fact]
    public void Given_no_worker_When_registered_Then_WorkerRegistered_carries_the_command_and_who_recorded_it()
    {
        var family = new FamilyContact("Agustina Contoh", "mother", "+62 812 3456 7890");

        var decision = RegisterWorkerDecision.Decide(Registration(family: family), state: null);

        Assert.Null(decision.Error);
        Assert.Equal(new WorkerRegistered(Id, "5301061203980001", "Yohanes Contoh", Sex.Male, new DateOnly(1998, 3, 12),
            "53.01.06", null, family, RecordSource.LtsaRegistration, "disnakertrans-ntt", Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_registered_worker_When_registered_again_Then_it_is_a_state_conflict()
    {
        var decision = RegisterWorkerDecision.Decide(Registration(), Worker());

        Assert.IsType<StateConflict>(decision.Error);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("2026-11-24", "birthDate")] // after today
    [InlineData("1899-12-31", "birthDate")]
    public void Given_an_impossible_birth_date_When_registered_Then_the_birth_date_rule_is_broken(string birth, string field)
    {
        var decision = RegisterWorkerDecision.Decide(Registration(nik: null, birth: DateOnly.Parse(birth)), null);

        Assert.Equal(field, Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Theory]
    [InlineData("53.01.01")] // Kabupaten Kupang has no district 01
    [InlineData("53.01")] // a regency is not an origin
    [InlineData("31.71.01")] // outside the reference data
    public void Given_an_origin_not_in_the_reference_data_When_registered_Then_the_origin_rule_is_broken(string origin)
    {
        var decision = RegisterWorkerDecision.Decide(Registration(nik: null, origin: origin), null);

        Assert.Equal("originRegion", Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Fact]
    public void Given_a_village_of_a_known_district_When_registered_Then_it_is_the_origin()
    {
        var decision = RegisterWorkerDecision.Decide(Registration(origin: "53.01.06.2001"), null);

        Assert.Equal("53.01.06.2001", Assert.IsType<WorkerRegistered>(Assert.Single(decision.Events)).OriginRegion);
    }

    [Theory]
    [InlineData("5301061303980001")] // 13 March, not 12
    [InlineData("5301061203970001")] // 1997
    [InlineData("5399061203980001")] // NTT has no regency 99
    [InlineData("9901061203980001")] // no province 99
    public void Given_a_NIK_that_breaks_a_rule_When_registered_Then_the_nik_rule_is_broken(string nik)
    {
        var decision = RegisterWorkerDecision.Decide(Registration(nik: nik), null);

        Assert.Equal("nik", Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Fact]
    public void Given_a_woman_When_her_NIK_adds_40_to_the_day_Then_she_is_registered() =>
        Assert.Null(RegisterWorkerDecision.Decide(Registration(nik: "5301065203980002", sex: Sex.Female), null).Error);

    [Fact]
    public void Given_a_woman_When_her_NIK_has_the_plain_day_Then_the_nik_rule_is_broken() =>
        Assert.Equal("nik", Assert.IsType<RuleBroken>(
            RegisterWorkerDecision.Decide(Registration(nik: "5301061203980002", sex: Sex.Female), null).Error).Field);

    [Fact]
    public void Given_a_NIK_issued_elsewhere_When_registered_Then_the_origin_is_the_stated_one_not_the_NIK_prefix()
    {
        // Issued in Kota Batam (21.71.01), the person comes from Kupang Timur.
        var worker = Worker(Registration(nik: "2171011203980001", origin: "53.01.06"));

        Assert.Equal("53.01.06", worker.OriginRegion);
    }

    [Fact]
    public void Given_no_NIK_When_registered_Then_the_identity_is_unverified()
    {
        var worker = Worker(Registration(nik: null));

        Assert.Null(worker.Nik);
        Assert.False(worker.IdentityVerified);
    }

    [Fact]
    public void WorkerRegistered_evolves_to_a_prospective_worker_at_version_1_with_one_history_entry()
    {
        var worker = Worker();

        Assert.Equal(WorkerStatus.Prospective, worker.Status);
        Assert.True(worker.IdentityVerified);
        Assert.Equal(1, worker.Version);
        Assert.Equal("registered", Assert.Single(worker.History).Kind);
    }
}
