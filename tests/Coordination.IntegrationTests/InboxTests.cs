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

    private static Func<IDocumentSession, Task> Note(Guid stream, Guid message) => session =>
    {
        session.Events.Append(stream, new Noted(message));
        return Task.CompletedTask;
    };

    private async Task<int> EventsIn(Guid stream)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    [Fact]
    public async Task A_message_handled_before_changes_nothing_when_delivered_again()
    {
        var (stream, message) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var first = _store.LightweightSession())
            Assert.True(await first.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(stream, message), default));
        await using (var again = _store.LightweightSession())
            Assert.False(await again.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(stream, message), default));

        Assert.Equal(1, await EventsIn(stream));
    }

    [Fact]
    public async Task Of_two_racing_deliveries_of_one_message_only_one_takes_effect_and_the_redelivered_loser_none()
    {
        var (stream, message) = (Guid.NewGuid(), Guid.NewGuid());

        // Both look for the record before either saves. The loser's save fails, on the record
        // or on what it changed; MassTransit then redelivers it.
        var outcomes = await Task.WhenAll(Deliver(), Deliver());
        Assert.Single(outcomes, handled => handled == true);
        Assert.False(await Deliver());

        Assert.Equal(1, await EventsIn(stream));

        async Task<bool?> Deliver()
        {
            await using var session = _store.LightweightSession();
            try
            {
                return await session.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(stream, message), default);
            }
            catch (Marten.Exceptions.MartenCommandException)
            {
                return null;
            }
        }
    }

    [Fact]
    public async Task Two_consumers_each_handle_the_same_message_once()
    {
        var (stream, message) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var session = _store.LightweightSession())
            Assert.True(await session.HandleOnceAsync("noter", message, DateTimeOffset.UtcNow, Note(stream, message), default));
        await using (var session = _store.LightweightSession())
            Assert.True(await session.HandleOnceAsync("other-noter", message, DateTimeOffset.UtcNow, Note(stream, message), default));

        Assert.Equal(2, await EventsIn(stream));
    }

    public void Dispose() => _store.Dispose();
}
