using Coordination.WorkerRegistry.Workers;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

/// <summary>How the facts other services report change a worker's record.</summary>
public class ReactionTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(7));

    private static Intercepted Stopped(DateTimeOffset at) => new(Id, Guid.NewGuid(), "PLBN-ENTIKONG", at, "disnakertrans-kalbar", Now);

    [Fact]
    public void Given_an_interception_Then_the_worker_is_intercepted_with_one_non_procedural_attempt()
    {
        var worker = Worker(null, Stopped(At));

        Assert.Equal(WorkerStatus.Intercepted, worker.Status);
        Assert.Equal(1, worker.NonProceduralAttempts);
        Assert.Equal("disnakertrans-kalbar", worker.History.Single(h => h.Kind == "intercepted").By);
    }

    [Fact]
    public void Given_an_arrival_home_after_an_interception_Then_the_worker_is_returned_home_and_the_attempt_still_counts()
    {
        var worker = Worker(null, Stopped(At), new ReturnedHome(Id, Guid.NewGuid(), "KPG-TENAU", At.AddDays(9), "disnakertrans-ntt", Now));

        Assert.Equal(WorkerStatus.ReturnedHome, worker.Status);
        Assert.Equal(1, worker.NonProceduralAttempts);
    }

    [Fact]
    public void Given_two_interceptions_and_a_non_procedural_death_Then_three_attempts_are_counted_and_the_worker_is_deceased()
    {
        var worker = Worker(null, Stopped(At), Stopped(At.AddMonths(2)),
            new DeathRecorded(Id, Guid.NewGuid(), "MY", new DateOnly(2026, 9, 1), true, "bp3mi-ntt", Now));

        Assert.Equal(WorkerStatus.Deceased, worker.Status);
        Assert.Equal(3, worker.NonProceduralAttempts);
    }

    [Fact]
    public void Given_a_death_Then_nothing_recorded_after_it_changes_the_status()
    {
        var worker = Worker(null, new DeathRecorded(Id, Guid.NewGuid(), "MY", new DateOnly(2026, 1, 1), false, "bp3mi-ntt", Now),
            Stopped(At));

        Assert.Equal(WorkerStatus.Deceased, worker.Status);
    }

    [Fact]
    public void Given_the_arrival_home_filed_before_the_interception_on_the_same_day_Then_the_worker_is_still_returned_home()
    {
        var arrived = new ReturnedHome(Id, Guid.NewGuid(), "KOE", At.AddHours(6), "disnakertrans-ntt", Now);
        var stopped = Stopped(At) with { RecordedAt = Now.AddSeconds(1) }; // reached the registry after the arrival

        Assert.Equal(WorkerStatus.ReturnedHome, Worker(null, arrived, stopped).Status);
    }

    [Fact]
    public void Given_facts_recorded_out_of_order_Then_the_history_is_in_the_order_they_happened()
    {
        var worker = Worker(null, Departed(new DateOnly(2025, 5, 1)), Trained(new DateOnly(2025, 1, 10)));

        Assert.Equal(["training-completed", "departed", "registered"], worker.History.Select(h => h.Kind));
        Assert.Equal(WorkerStatus.Departed, worker.Status);
    }
}
