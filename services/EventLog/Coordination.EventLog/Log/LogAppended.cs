namespace Coordination.EventLog.Log;

/// <summary>
/// Wakes the readers that wait for new entries (the stream, the exchange, the webhooks) when
/// this instance appends. Another instance's appends reach them by their polling.
/// </summary>
public sealed class LogAppended
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Signal() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when an entry is appended or after <paramref name="atMost"/>.</summary>
    public async Task WaitAsync(TimeSpan atMost, CancellationToken ct)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(atMost, ct);
        }
        catch (TimeoutException)
        {
        }
    }
}
