using System.Diagnostics.Metrics;
using Coordination.Contracts;
using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Coordination.Faults;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class ErrorQueueTests(CoordinationStack stack) : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _faultedInLogQueue;

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_error_queue_is_counted_and_once_the_cause_is_fixed_a_replay_logs_it_once()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: FaultedMessages.MeterName, Name: FaultedMessages.CounterName }) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "queue", Value: IntegrationEvents.SharedLogQueue }) Interlocked.Add(ref _faultedInLogQueue, value);
        });
        _listener.Start();
        var (eventId, workerId) = (Guid.NewGuid(), Guid.NewGuid());
        var subject = $"worker/{workerId}";
        // The cause: the log's table refuses this one entry, as a bug or a broken migration would.
        var constraint = $"refuse_{workerId:N}";
        await Sql($"alter table event_log.entries add constraint {constraint} check (subject <> '{subject}') not valid");
        var broker = new Broker(new Uri(stack.RabbitMq));

        await stack.Registry.Services.PublishAs(new WorkerRegistered(workerId, null, "Racun Sementara", Sex.Female,
            new DateOnly(2000, 1, 1), "53.01.06", "disnakertrans-ntt", DateTimeOffset.UtcNow), eventId, subject, "53");
        await Eventually.Get(() => Task.FromResult(Interlocked.Read(ref _faultedInLogQueue) > 0 ? "" : null),
            TimeSpan.FromSeconds(60), "the message failing for good and being counted");
        await Eventually.Get(async () => await broker.CountAsync(IntegrationEvents.SharedLogQueue + "_error") > 0 ? "" : null,
            TimeSpan.FromSeconds(30), "the message reaching the event log's error queue");
        Assert.Equal(0, await Logged(eventId));

        await Sql($"alter table event_log.entries drop constraint {constraint}");
        var moved = await broker.ReplayErrorsAsync(IntegrationEvents.SharedLogQueue);

        Assert.True(moved >= 1);
        await Eventually.Get(async () => await Logged(eventId) > 0 ? "" : null, TimeSpan.FromSeconds(30), "the replayed message being logged");
        // Replayed again (an operator's second run), it is still there once.
        await broker.ReplayErrorsAsync(IntegrationEvents.SharedLogQueue);
        await stack.Registry.Services.PublishAs(new WorkerRegistered(workerId, null, "Racun Sementara", Sex.Female,
            new DateOnly(2000, 1, 1), "53.01.06", "disnakertrans-ntt", DateTimeOffset.UtcNow), eventId, subject, "53");
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var later = await ntt.Register(Workers.Minimal());
        await Eventually.Get(async () => await stack.LoggedEvents(ntt, new HashSet<string> { Workers.SubjectOf(later) }) is [_] found ? found : null,
            TimeSpan.FromSeconds(30), "a later event reaching the log");
        Assert.Equal(1, await Logged(eventId));
    }

    private async Task Sql(string sql)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await db.CreateCommand(sql).ExecuteNonQueryAsync();
    }

    private async Task<long> Logged(Guid eventId)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var command = db.CreateCommand("select count(*) from event_log.entries where id = $1");
        command.Parameters.Add(new() { Value = eventId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _listener.Dispose();
}
