using JasperFx.Events.Daemon.HighWater;
using Marten;
using Marten.Services;

namespace Coordination.Eventing;

/// <summary>
/// Wakes the relay's daemon as soon as this process commits events, when it has caught up.
/// Left to poll, Marten's high-water agent looks again only after a second once it has caught
/// up, so on a quiet system an event waited half a second on average before it was relayed
/// (measured: about 490 ms from commit to the shared log, every time; 13–26 ms with this). Events
/// another instance of the service commits are still found by that polling.
/// </summary>
/// <remarks>
/// <para>
/// While events keep coming (the agent found some at its last look and waits the short
/// <paramref name="busyPolling"/>), it is left to poll: waking it for every commit made relay
/// pages of a few events, each with its own high-water query, page query and progress commit,
/// and under the bench's load that cost 1.5 ms of CPU more a write and made the log's delay
/// longer, not shorter.
/// </para>
/// <para>
/// Not Marten's <c>UseListenNotifyForEventAppends</c>: its NOTIFY is one channel for every
/// service sharing a database, so each service's daemon would wake for all of them, and
/// PostgreSQL serializes the commits of transactions that notify.
/// </para>
/// </remarks>
public sealed class EventsCommitted(TimeSpan busyPolling) : DocumentSessionListenerBase, IDaemonWakeup
{
    private TaskCompletionSource _next = NewSignal();

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any()) Committed();
        return Task.CompletedTask;
    }

    /// <summary>Events were committed: the wait of a caught-up agent ends.</summary>
    public void Committed() => Volatile.Read(ref _next).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        // Taken before the wait: a commit from here on completes it (or the next one), so none
        // goes unnoticed; one before it is seen by the high-water query that follows.
        var signal = Volatile.Read(ref _next);
        if (timeout <= busyPolling) await Task.Delay(timeout, token);
        else
        {
            try
            {
                await signal.Task.WaitAsync(timeout, token);
            }
            catch (TimeoutException)
            {
            }
        }
        if (signal.Task.IsCompleted) Interlocked.CompareExchange(ref _next, NewSignal(), signal);
    }

    public void Dispose() { }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
