using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Registering;

namespace Coordination.WorkerRegistry.Tests;

public class RegisteringTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static RegisterWorker Command(string? nik = "5301061203980001", Sex sex = Sex.Male, DateOnly? birth = null)
    {
        RegionCode.TryParse("53.01.06", out var origin);
        Nik? parsed = Nik.TryParse(nik, out var n) ? n : null;
        return new RegisterWorker(Id, parsed, "Yohanes Contoh", sex, birth ?? new DateOnly(1998, 3, 12), origin,
            "disnakertrans-ntt", Now);
    }

    [Fact]
    public void Given_no_worker_When_registered_Then_WorkerRegistered_carries_the_command_and_who_recorded_it()
    {
        var decision = RegisterWorkerDecision.Decide(Command(), state: null);

        Assert.Null(decision.Error);
        var registered = Assert.IsType<WorkerRegistered>(Assert.Single(decision.Events));
        Assert.Equal(new WorkerRegistered(Id, "5301061203980001", "Yohanes Contoh", Sex.Male, new DateOnly(1998, 3, 12),
            "53.01.06", "disnakertrans-ntt", Now), registered);
    }

    [Fact]
    public void Given_a_registered_worker_When_registered_again_Then_it_is_a_state_conflict()
    {
        var state = WorkerEvolution.Evolve(null, RegisterWorkerDecision.Decide(Command(), null).Events[0]);

        var decision = RegisterWorkerDecision.Decide(Command(), state);

        Assert.IsType<StateConflict>(decision.Error);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_birth_date_after_today_When_registered_Then_the_birth_date_rule_is_broken()
    {
        var decision = RegisterWorkerDecision.Decide(Command(nik: null, birth: new DateOnly(2026, 11, 24)), null);

        Assert.Equal("birthDate", Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Fact]
    public void Given_a_NIK_for_another_birth_date_When_registered_Then_the_nik_rule_is_broken()
    {
        var decision = RegisterWorkerDecision.Decide(Command(birth: new DateOnly(1998, 3, 13)), null);

        Assert.Equal("nik", Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Fact]
    public void Given_a_woman_When_her_NIK_adds_40_to_the_day_Then_she_is_registered()
    {
        var decision = RegisterWorkerDecision.Decide(Command(nik: "5301065203980002", sex: Sex.Female), null);

        Assert.Null(decision.Error);
    }

    [Fact]
    public void Given_a_woman_When_her_NIK_has_the_plain_day_Then_the_nik_rule_is_broken()
    {
        var decision = RegisterWorkerDecision.Decide(Command(nik: "5301061203980002", sex: Sex.Female), null);

        Assert.Equal("nik", Assert.IsType<RuleBroken>(decision.Error).Field);
    }

    [Fact]
    public void Given_no_NIK_When_registered_Then_the_worker_has_none()
    {
        var decision = RegisterWorkerDecision.Decide(Command(nik: null), null);

        Assert.Null(Assert.IsType<WorkerRegistered>(Assert.Single(decision.Events)).Nik);
    }

    [Fact]
    public void WorkerRegistered_evolves_to_a_prospective_worker_at_version_1()
    {
        var worker = WorkerEvolution.Evolve(null, RegisterWorkerDecision.Decide(Command(), null).Events[0]);

        Assert.Equal(new Worker(Id, "5301061203980001", "Yohanes Contoh", Sex.Male, new DateOnly(1998, 3, 12), "53.01.06",
            WorkerStatus.Prospective, 1), worker);
    }
}
