using System.Threading.Channels;

namespace Coordination.EventLog.Log;

/// <summary>Where a consumed message came in: the broker's consumer and its delivery number there.</summary>
/// <param name="Consumer">the consumer tag; the delivery tags of one consumer count up by one.</param>
public readonly record struct Delivery(string Consumer, ulong Tag);

/// <summary>
/// Group commit for the log: the consumers hand their records here, and whatever came in while
/// the last transaction ran is appended in the next one (<see cref="LogStore.AppendAsync(IReadOnlyList{LogRecord}, CancellationToken)"/>),
/// each consumer answered only once its record is committed, so its message is acknowledged
/// only then. Order is the broker's delivery order: a batch is sorted by delivery tag, and
/// when a delivery is missing between the last appended one and the batch (still on its way
/// through the consumer pipeline) the batch waits a moment for it, so that a stream's events
/// keep their order across batches too.
/// </summary>
public sealed class LogAppender(LogStore store, ILogger<LogAppender> logger) : BackgroundService
{
    /// <summary>Messages the log's endpoint takes from the broker at once: the most one batch can hold.</summary>
    public const int InFlight = 256;

    private const int MaxBatch = InFlight;
    // Long enough for a delivery still in the consumer pipeline on a busy machine: 20 ms let a
    // service's pipelined publishes reach the log out of its store's order (RelayOrderTests, load
    // average 50). It costs nothing while deliveries come in order, and a delivery that never
    // comes (failing, retried) holds its followers back once, by this much.
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(1);

    private readonly Channel<Pending> _incoming = System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private readonly Dictionary<string, ulong> _lastTag = [];

    private sealed record Pending(LogRecord Record, Delivery? Delivery, TaskCompletionSource<LogEntry?> Done);

    /// <returns>the new entry, or null when the event was already in the log.</returns>
    public async Task<LogEntry?> AppendAsync(LogRecord record, Delivery? delivery, CancellationToken ct)
    {
        var pending = new Pending(record, delivery, new(TaskCreationOptions.RunContinuationsAsynchronously));
        await _incoming.Writer.WriteAsync(pending, ct);
        // A cancelled consumer leaves its message unacknowledged; if the record was committed
        // all the same, the redelivery is dropped as a repeat.
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _incoming.Reader;
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var pending)) batch.Add(pending);
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (batch.Count < MaxBatch && HasGap(batch) && GapWait - waited.Elapsed is { Ticks: > 0 } left)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(left);
                    try
                    {
                        if (await reader.WaitToReadAsync(wait.Token))
                            while (batch.Count < MaxBatch && reader.TryRead(out var pending)) batch.Add(pending);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                }
                batch.Sort(static (a, b) => Order(a).CompareTo(Order(b)));
                KeepStreamOrder(batch, p => p.Record);
                await Append(batch, stoppingToken);
                batch.Clear();
            }
        }
        finally
        {
            foreach (var pending in batch) pending.Done.TrySetCanceled(stoppingToken);
            while (reader.TryRead(out var pending)) pending.Done.TrySetCanceled(stoppingToken);
        }
    }

    /// <summary>
    /// Puts the records of each stream (source and subject) in a group in their sequence order,
    /// in the places the group's sort gave them. Deliveries alone do not keep it: messages a
    /// closed channel left unacknowledged come back in no promised order (seen after a restart:
    /// a handover request of an interception ahead of its recording).
    /// </summary>
    public static void KeepStreamOrder<T>(List<T> group, Func<T, LogRecord> record)
    {
        foreach (var stream in group.Select((item, place) => (item, place))
                     .GroupBy(x => (record(x.item).Source, record(x.item).Subject)).Where(s => s.Skip(1).Any()))
        {
            var sequences = stream.Select(x => long.TryParse(record(x.item).Sequence, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null).ToList();
            if (sequences.Any(n => n is null)) continue;
            var places = stream.Select(x => x.place).ToList();
            var ordered = stream.Zip(sequences).OrderBy(x => x.Second).Select(x => x.First.item).ToList();
            for (var i = 0; i < places.Count; i++) group[places[i]] = ordered[i];
        }
    }

    /// <summary>Records without a delivery (appended in process) keep their arrival order.</summary>
    private static (string, ulong) Order(Pending p) => p.Delivery is { } d ? (d.Consumer, d.Tag) : ("", 0);

    /// <summary>Whether a delivery between the last appended one of a consumer and this batch's has not come in yet.</summary>
    private bool HasGap(List<Pending> batch)
    {
        foreach (var group in batch.Where(p => p.Delivery is not null).GroupBy(p => p.Delivery!.Value.Consumer))
        {
            var tags = group.Select(p => p.Delivery!.Value.Tag).Order().ToList();
            var expected = _lastTag.TryGetValue(group.Key, out var last) ? last + 1 : tags[0];
            foreach (var tag in tags)
            {
                // At or below the last appended: a retried delivery, which has no place to wait for.
                if (tag < expected) continue;
                if (tag > expected) return true;
                expected = tag + 1;
            }
        }
        return false;
    }

    private async Task Append(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            var entries = await store.AppendAsync([.. batch.Select(p => p.Record)], ct);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(entries[i]);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && batch.Count > 1)
        {
            // One record the database refuses must not fail the others: each alone, in order;
            // the one that fails again fails its own message (retried, then the error queue).
            logger.LogWarning(e, "Appending a batch of {Count} to the log failed; appending them one by one.", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    pending.Done.TrySetResult(await store.AppendAsync(pending.Record, ct));
                }
                catch (Exception one)
                {
                    pending.Done.TrySetException(one);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Done.TrySetException(e);
        }
        foreach (var pending in batch)
            if (pending.Delivery is { } d && (!_lastTag.TryGetValue(d.Consumer, out var last) || d.Tag > last)) _lastTag[d.Consumer] = d.Tag;
    }
}
