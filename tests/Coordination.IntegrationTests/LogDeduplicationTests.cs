using Coordination.Contracts;
using Coordination.Contracts.WorkerRegistry;
using Coordination.EventLog.Log;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public class LogDeduplicationTests(CoordinationStack stack)
{
    [Fact]
    public async Task An_event_republished_with_the_same_id_is_in_the_log_once()
    {
        var (eventId, workerId) = (Guid.NewGuid(), Guid.NewGuid());
        var subject = $"worker/{workerId}";
        var message = new WorkerRegistered(workerId, null, "Republished Fiktif", Sex.Female, new DateOnly(2000, 1, 1),
            "53.01.06", "disnakertrans-ntt", DateTimeOffset.UtcNow);

        // As the relay would after a crash between the broker's confirm and its checkpoint.
        for (var i = 0; i < 3; i++) await stack.Registry.Services.PublishAs(message, eventId, subject, "53");
        // A later event, published after the copies: once it is logged, so are they (one at a time, in order).
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var later = await ntt.Register(Workers.Minimal());
        await Eventually.Get(async () => await stack.LoggedEvents(ntt, new HashSet<string> { Workers.SubjectOf(later) }) is [_] found ? found : null,
            TimeSpan.FromSeconds(30), "a later event reaching the log");

        var logged = await stack.LoggedEvents(ntt, new HashSet<string> { subject });

        Assert.Equal(eventId, Assert.Single(logged).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Appending_an_event_id_already_in_the_log_appends_nothing_and_fails_nothing()
    {
        var store = stack.EventLog.Services.GetRequiredService<LogStore>();
        var record = new LogRecord(Guid.NewGuid(), "coordination.worker-registry.worker-registered.v1", "/services/worker-registry",
            $"worker/{Guid.NewGuid()}", "53", "1", DateTimeOffset.UtcNow, null, "personal", "{}");

        var first = await store.AppendAsync(record, default);
        var again = await store.AppendAsync(record, default);

        Assert.NotNull(first);
        Assert.Null(again);
        var next = await store.ReadAsync(first.Position - 1, 1000, default);
        Assert.Single(next, e => e.Record.Id == record.Id);
    }

    [Fact]
    public async Task A_batch_appends_in_its_order_once_per_id_and_keeps_the_chain()
    {
        var store = stack.EventLog.Services.GetRequiredService<LogStore>();
        LogRecord Record() => new(Guid.NewGuid(), "coordination.worker-registry.worker-registered.v1", "/services/worker-registry",
            $"worker/{Guid.NewGuid()}", "53", "1", DateTimeOffset.UtcNow, null, "personal", "{}");
        var (logged, first, second) = (Record(), Record(), Record());
        await store.AppendAsync(logged, default);

        var entries = await store.AppendAsync([first, logged, second, first], default);

        Assert.Null(entries[1]);
        Assert.Null(entries[3]);
        Assert.Equal(entries[0]!.Position + 1, entries[2]!.Position);
        Assert.Equal(entries[0]!.Hash, entries[2]!.PreviousHash);
        var read = await store.ReadAsync(entries[0]!.Position - 1, 2, default);
        Assert.Equal([first.Id, second.Id], read.Select(e => e.Record.Id));
        Assert.True((await store.VerifyAsync(default)).Intact);
    }
}
