using Coordination.Eventing;
using Coordination.IntegrationTests.Infrastructure;
using Marten;

namespace Coordination.IntegrationTests;

/// <summary>The inbox against a real Marten store in the run's database.</summary>
[Collection(StackCollection.Name)]
public sealed class InboxTests(CoordinationStack stack) : IDisposable
{
    private sealed record Noted(Guid MessageId);

    private readonly DocumentStore _store = DocumentStore.For(o =>
    {
        o.Connection(stack.Postgres);
        o.DatabaseSchemaName = "inbox_tests";
        o.Events.DatabaseSchemaName = "inbox_tests";
    });

    /// <summary>
    /// The effect of handling: a note on a stream of its own each time, so that only the
    /// inbox record can stop a second one (not a clash between the effects themselves).
    /// </summary>
    private readonly List<Guid> _notes = [];

    private Func<IDocumentSession, Task> Note(Guid message) => session =>
    {
        var stream = Guid.NewGuid();
        lock (_notes) _notes.Add(stream);
        session.Events.StartStream(stream, new Noted(message));
        return Task.CompletedTask;
    };

    private async Task<int> NotesTaken()
    {
        await using var session = _store.QuerySession();
        var taken = 0;
        foreach (var stream in _notes)
            if (await session.Events.FetchStreamStateAsync(stream) is not null) taken++;
        return taken;
    }

    private async Task<bool> Deliver(string consumer, Guid message)
    {
        await using var session = _store.LightweightSession();
        return await session.HandleOnceAsync(consumer, message, DateTimeOffset.UtcNow, Note(message), default);
    }

    [Fact]
    public async Task A_message_handled_before_changes_nothing_when_delivered_again()
    {
        var message = Guid.NewGuid();

        Assert.True(await Deliver("noter", message));
        Assert.False(await Deliver("noter", message));

        Assert.Equal(1, await NotesTaken());
    }

    [Fact]
    public async Task Of_two_racing_deliveries_of_one_message_only_one_takes_effect()
    {
        var message = Guid.NewGuid();
        await using var first = _store.LightweightSession();
        await using var second = _store.LightweightSession();

        // Both look for the record before either saves; the second save must then fail on it.
        Assert.Null(await first.LoadAsync<HandledMessage>(HandledMessage.IdOf("noter", message)));
        var outcomes = await Task.WhenAll(
            first.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(message), default),
            second.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(message), default));

        Assert.Single(outcomes, handled => handled);
        Assert.Equal(1, await NotesTaken());
    }

    [Fact]
    public async Task Two_consumers_each_handle_the_same_message_once()
    {
        var message = Guid.NewGuid();

        Assert.True(await Deliver("noter", message));
        Assert.True(await Deliver("other-noter", message));

        Assert.Equal(2, await NotesTaken());
    }

    [Fact]
    public async Task A_clash_in_the_effects_fails_the_delivery_so_it_is_retried_not_taken_as_handled()
    {
        var taken = new UniqueClaim(UniqueClaim.Key("nik", Guid.NewGuid().ToString("N")), Guid.NewGuid());
        await using (var first = _store.LightweightSession())
        {
            first.Insert(taken);
            await first.SaveChangesAsync();
        }
        var message = Guid.NewGuid();
        await using var session = _store.LightweightSession();

        await Assert.ThrowsAsync<JasperFx.DocumentAlreadyExistsException>(() => session.HandleOnceAsync("noter", message,
            DateTimeOffset.UtcNow, s =>
            {
                s.Insert(taken with { Owner = Guid.NewGuid() });
                return Task.CompletedTask;
            }, default));

        await using var check = _store.QuerySession();
        Assert.Null(await check.LoadAsync<HandledMessage>(HandledMessage.IdOf("noter", message)));
    }

    public void Dispose() => _store.Dispose();
}
