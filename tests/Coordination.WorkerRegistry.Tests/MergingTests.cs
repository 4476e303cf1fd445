using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Merging;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

public class MergingTests
{
    private static readonly MergeWorkers Merge = new(Id, OtherId, "same person", "disnakertrans-ntt", Now);

    private static Worker Stopped(string? nik) => Worker(Registration(OtherId, nik: nik),
        new Intercepted(OtherId, Guid.NewGuid(), "PLBN-ENTIKONG", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)),
            "disnakertrans-kalbar", Now));

    [Fact]
    public void Given_two_records_of_one_person_When_merged_Then_both_streams_get_an_event_and_the_survivor_holds_both_histories()
    {
        var survivor = Worker(Registration(nik: null));
        var duplicate = Stopped("5301061203980001");

        var decision = MergeWorkersDecision.Decide(Merge, survivor, duplicate);

        Assert.Null(decision.Error);
        Assert.Equal([Id, OtherId], decision.Events.Select(MergeWorkersDecision.StreamOf));
        var merged = Evolved(survivor, decision.Events[0]);
        Assert.Equal("5301061203980001", merged.Nik); // taken over: the survivor had none
        Assert.Equal(WorkerStatus.Intercepted, merged.Status);
        Assert.Equal(1, merged.NonProceduralAttempts);
        Assert.Equal(OtherId, Evolved(duplicate, decision.Events[1]).Id);
        Assert.Equal(Id, Evolved(duplicate, decision.Events[1]).MergedInto);
    }

    [Fact]
    public void Given_two_different_NIKs_When_merged_Then_they_are_two_people() =>
        Assert.Equal("duplicateId", Assert.IsType<RuleBroken>(
            MergeWorkersDecision.Decide(Merge, Worker(), Stopped("5301061203980002")).Error).Field);

    [Fact]
    public void Given_a_record_When_merged_into_itself_Then_the_rule_is_broken() =>
        Assert.IsType<RuleBroken>(MergeWorkersDecision.Decide(Merge with { DuplicateId = Id }, Worker(), Worker()).Error);

    [Fact]
    public void Given_a_duplicate_already_merged_When_merged_again_Then_it_is_a_state_conflict()
    {
        var merged = Evolved(Stopped(null), new MergedInto(OtherId, Guid.NewGuid(), "earlier", "x", Now));

        Assert.IsType<StateConflict>(MergeWorkersDecision.Decide(Merge, Worker(), merged).Error);
    }

    [Fact]
    public void Given_no_survivor_When_merged_Then_it_is_missing() =>
        Assert.IsType<Missing>(MergeWorkersDecision.Decide(Merge, null, Stopped(null)).Error);
}
