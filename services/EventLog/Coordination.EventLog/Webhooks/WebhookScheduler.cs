using Coordination.EventLog.Access;
using Coordination.EventLog.Log;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Coordination.EventLog.Webhooks;

/// <summary>Follows the log and files a pending delivery for each endpoint that may and wants to receive each entry.</summary>
public sealed class WebhookScheduler(
    NpgsqlDataSource dataSource, LogStore store, LogAppended appended, WebhookStore webhooks, WebhookSignal due,
    IOptionsMonitor<DataSharingOptions> sharing, TimeProvider clock, ILogger<WebhookScheduler> logger)
    : LogFollower(dataSource, store, appended, logger)
{
    protected override string Name => "webhooks";

    protected override async Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken ct)
    {
        var filed = false;
        foreach (var webhook in await webhooks.ListAsync(null, ct))
        {
            if (webhook.Reader(sharing.CurrentValue) is not { } reader) continue;
            var positions = entries.Where(e => webhook.Wants(e) && reader.MayReceive(e.Record)).Select(e => e.Position).ToArray();
            if (positions.Length == 0) continue;
            await webhooks.ScheduleAsync(webhook.Id, positions, clock.GetUtcNow(), ct);
            filed = true;
        }
        // Only then: woken for nothing, the sender would look for due deliveries once for every
        // group the log appends (a statement and a transaction each, with no webhook registered).
        if (filed) due.Signal();
    }
}

/// <summary>Wakes the sender when deliveries were filed on this instance.</summary>
public sealed class WebhookSignal
{
    private readonly LogAppended _inner = new();

    public void Signal() => _inner.Signal();

    public Task WaitAsync(TimeSpan atMost, CancellationToken ct) => _inner.WaitAsync(atMost, ct);
}
