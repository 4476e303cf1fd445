using Coordination.Eventing;
using Coordination.IntegrationTests.Infrastructure;
using Marten;

namespace Coordination.IntegrationTests;

/// <summary>The relay's wake-up (<see cref="EventsCommitted"/>) against the commits of a real Marten store.</summary>
[Collection(StackCollection.Name)]
public sealed class EventsCommittedTests : IDisposable
{
    private sealed record Noted(Guid Id);

    /// <summary>The agent's wait once caught up: long enough that only a wake-up ends it within a test.</summary>
    private static readonly TimeSpan CaughtUp = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Woken = TimeSpan.FromSeconds(30);

    private readonly EventsCommitted _wakeup = new(TimeSpan.FromMilliseconds(100));
    private readonly DocumentStore _store;

    public EventsCommittedTests(CoordinationStack stack) => _store = DocumentStore.For(o =>
    {
        o.Connection(stack.Postgres);
        o.DatabaseSchemaName = "events_committed_tests";
        o.Events.DatabaseSchemaName = "events_committed_tests";
        o.Listeners.Add(_wakeup);
    });

    private async Task Commit(bool withEvent)
    {
        await using var session = _store.LightweightSession();
        var id = Guid.NewGuid();
        if (withEvent) session.Events.StartStream(id, new Noted(id));
        else session.Store(new Noted(id));
        await session.SaveChangesAsync();
    }

    private static async Task StillWaiting(Task wait)
    {
        await Task.Delay(300);
        Assert.False(wait.IsCompleted);
    }

    [Fact]
    public async Task A_caught_up_wait_ends_when_events_are_committed_and_not_for_documents_alone()
    {
        var wait = _wakeup.WaitAsync(CaughtUp, CancellationToken.None);

        await Commit(withEvent: false);
        await StillWaiting(wait);

        await Commit(withEvent: true);
        await wait.WaitAsync(Woken);
    }

    [Fact]
    public async Task Events_committed_between_two_waits_end_the_next_one_and_only_that_one()
    {
        await Commit(withEvent: true);
        await _wakeup.WaitAsync(CaughtUp, CancellationToken.None).WaitAsync(Woken);

        var next = _wakeup.WaitAsync(CaughtUp, CancellationToken.None);
        await StillWaiting(next);
        _wakeup.Committed();
        await next.WaitAsync(Woken);
    }

    [Fact]
    public async Task While_events_keep_coming_the_agent_polls_instead_of_waking_for_each_commit()
    {
        var busy = TimeSpan.FromSeconds(2);
        var wakeup = new EventsCommitted(busy);

        var wait = wakeup.WaitAsync(busy, CancellationToken.None);
        wakeup.Committed();
        await StillWaiting(wait);
        await wait.WaitAsync(Woken);
    }

    public void Dispose() => _store.Dispose();
}
