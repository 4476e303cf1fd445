using Coordination.Eventing;
using Coordination.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>The inbox against a real Marten store in the run's database.</summary>
[Collection(StackCollection.Name)]
public sealed class InboxTests(CoordinationStack stack) : IDisposable
{
    public sealed record Noted(Guid MessageId);

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

    // Group commit (InboxGroups): both committers are held busy, so that the deliveries made
    // meanwhile wait and are then taken as one group.

    private sealed record Tally(string Id, int Count);

    /// <summary>A stream's notes, as a service's aggregate would be built from them.</summary>
    // Public, as is Noted: Marten's source generator writes an evolver for it outside this class.
    public sealed record Notes(Guid Id, int Count)
    {
        public static Notes Create(Noted _) => new(Guid.Empty, 1);
        public Notes Apply(Noted _) => this with { Count = Count + 1 };
    }

    private async Task<int> CountOf(string tally)
    {
        await using var session = _store.QuerySession();
        return (await session.LoadAsync<Tally>(tally))!.Count;
    }

    private InboxGroups Groups() => new(_store, NullLogger<InboxGroups>.Instance);

    private async Task<bool> Deliver(InboxGroups groups, string consumer, Guid message, Func<IDocumentSession, Task> handle)
    {
        // Each delivery's own session, as a consumer's scope gives it; used only if it is handled alone.
        var own = _store.LightweightSession();
        try { return await groups.HandleOnceAsync(own, consumer, message, DateTimeOffset.UtcNow, handle, default); }
        finally { await own.DisposeAsync(); }
    }

    /// <summary>Occupies <paramref name="committers"/> committers with a delivery that waits; disposing lets them go.</summary>
    private async Task<IAsyncDisposable> HoldCommitters(InboxGroups groups, int committers = InboxGroups.Committers)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new List<Task>();
        for (var i = 0; i < committers; i++)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            held.Add(Deliver(groups, "holder", Guid.NewGuid(), async _ => { started.SetResult(); await release.Task; }));
            await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        return new Release(release, held);
    }

    private sealed class Release(TaskCompletionSource release, List<Task> held) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            release.SetResult();
            await Task.WhenAll(held);
        }
    }

    /// <summary>
    /// Makes the deliveries while every committer is held, so that they are taken as one group:
    /// the <paramref name="free"/> committers that are not busy already.
    /// </summary>
    private async Task<bool[]> InOneGroup(InboxGroups groups, Func<IEnumerable<Task<bool>>> deliver, int free = InboxGroups.Committers)
    {
        Task<bool[]> all;
        await using (await HoldCommitters(groups, free)) all = Task.WhenAll(deliver());
        return await all;
    }

    /// <summary>How many transactions the inbox records of <paramref name="messages"/> were committed in.</summary>
    private async Task<long> CommitsOf(string consumer, IEnumerable<Guid> messages)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var count = db.CreateCommand(
            "select count(distinct xmin::text) from inbox_tests.mt_doc_handledmessage where id = any($1)");
        count.Parameters.Add(new() { Value = messages.Select(m => HandledMessage.IdOf(consumer, m)).ToArray() });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Messages_handled_at_once_are_committed_together_each_once()
    {
        var groups = Groups();
        var messages = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var handled = await InOneGroup(groups, () => messages.Select(m => Deliver(groups, "grouped", m, Note(m))));

        Assert.All(handled, Assert.True);
        Assert.Equal(20, await NotesTaken());
        Assert.Equal(1, await CommitsOf("grouped", messages));
        Assert.All(await Task.WhenAll(messages.Select(m => Deliver(groups, "grouped", m, Note(m)))), Assert.False);
        Assert.Equal(20, await NotesTaken());
    }

    [Fact]
    public async Task A_message_delivered_twice_in_one_group_is_handled_once()
    {
        var groups = Groups();
        var message = Guid.NewGuid();
        var handled = await InOneGroup(groups, () => [Deliver(groups, "grouped", message, Note(message)), Deliver(groups, "grouped", message, Note(message))]);

        Assert.Single(handled, handled => handled);
        Assert.Equal(1, await NotesTaken());
    }

    [Fact]
    public async Task A_handler_failing_in_a_group_fails_its_own_delivery_and_keeps_none_of_its_changes()
    {
        var groups = Groups();
        var good = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var bad = Guid.NewGuid();
        var badNote = Note(bad);
        Task<bool[]> deliveries;
        Task<bool> failing;
        await using (await HoldCommitters(groups))
        {
            deliveries = Task.WhenAll(good.Select(m => Deliver(groups, "grouped", m, Note(m))));
            failing = Deliver(groups, "grouped", bad, async s =>
            {
                await badNote(s);
                throw new InvalidOperationException("The handover this step belongs to is not known yet.");
            });
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.All(await deliveries, Assert.True);
        Assert.Equal(5, await NotesTaken());
        await using var check = _store.QuerySession();
        Assert.Null(await check.LoadAsync<HandledMessage>(HandledMessage.IdOf("grouped", bad)));
    }

    [Fact]
    public async Task A_message_another_delivery_handled_after_the_groups_lookup_is_not_handled_twice()
    {
        var groups = Groups();
        var others = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var raced = Guid.NewGuid();
        var racedNote = Note(raced);
        var handled = await InOneGroup(groups, () =>
        [
            .. others.Select(m => Deliver(groups, "grouped", m, Note(m))),
            // The other delivery (another instance of the service) commits while this group handles it.
            Deliver(groups, "grouped", raced, async s =>
            {
                Assert.True(await Deliver("grouped", raced));
                await racedNote(s);
            }),
        ]);

        Assert.False(handled[^1]);
        Assert.All(handled[..^1], Assert.True);
        // The five, and the racing delivery's own note; none from this group's handling of it.
        Assert.Equal(6, await NotesTaken());
    }

    [Fact]
    public async Task Messages_that_overtook_the_one_they_depend_on_wait_for_its_group_and_are_committed_together()
    {
        var groups = Groups();
        var tally = $"tally/{Guid.NewGuid()}";
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The interception: its group stays on one committer until released.
        var recorded = Deliver(groups, "recorded", Guid.NewGuid(), async s =>
        {
            started.TrySetResult();
            await release.Task;
            s.Store(new Tally(tally, 1));
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Its handover requests, taken as one group by the other committer; they need what it stores.
        var tried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = 0;
        Func<IDocumentSession, Task> request = async s =>
        {
            if (await s.LoadAsync<Tally>(tally) is not null) return;
            Interlocked.Increment(ref failures);
            tried.TrySetResult();
            throw new InvalidOperationException("A person of the handover is not known yet.");
        };
        var messages = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var requests = InOneGroup(groups, () => messages.Select(m => Deliver(groups, "requested", m, request)), InboxGroups.Committers - 1);
        await tried.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Handled alone at once, each would have failed again by now.
        await Task.WhenAny(requests, Task.Delay(TimeSpan.FromMilliseconds(500)));
        try
        {
            Assert.Equal(1, Volatile.Read(ref failures));
        }
        finally
        {
            release.SetResult();
        }

        Assert.True(await recorded.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(await requests.WaitAsync(TimeSpan.FromSeconds(10)), Assert.True);
        Assert.Equal(1, await CommitsOf("requested", messages));
    }

    [Fact]
    public async Task In_a_group_a_handler_loads_what_an_earlier_one_stored()
    {
        var groups = Groups();
        var tally = $"tally/{Guid.NewGuid()}";
        Func<IDocumentSession, Task> count = async s =>
        {
            var now = await s.LoadAsync<Tally>(tally);
            s.Store(new Tally(tally, (now?.Count ?? 0) + 1));
        };
        var messages = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var handled = await InOneGroup(groups, () => messages.Select(m => Deliver(groups, "counter", m, count)));

        Assert.All(handled, Assert.True);
        Assert.Equal(10, await CountOf(tally));
    }

    [Fact]
    public async Task A_message_of_another_type_waiting_with_it_finds_the_first_ones_effects_committed()
    {
        var groups = Groups();
        var tally = $"tally/{Guid.NewGuid()}";
        var seen = $"seen/{Guid.NewGuid()}";
        var handled = await InOneGroup(groups, () =>
        [
            Deliver(groups, "registered", Guid.NewGuid(), s => { s.Store(new Tally(tally, 1)); return Task.CompletedTask; }),
            Deliver(groups, "registered", Guid.NewGuid(), _ => Task.CompletedTask),
            // As a step that looks up by query what an earlier event opened (a shelter stay).
            Deliver(groups, "arranged", Guid.NewGuid(), async s =>
                s.Store(new Tally(seen, await s.Query<Tally>().CountAsync(t => t.Id == tally)))),
        ]);

        Assert.All(handled, Assert.True);
        Assert.Equal(1, await CountOf(seen));
    }

    [Fact]
    public async Task Appends_of_a_group_to_one_stream_are_all_kept()
    {
        var groups = Groups();
        var stream = Guid.NewGuid();
        await using (var start = _store.LightweightSession())
        {
            start.Events.StartStream(stream, new Noted(Guid.NewGuid()));
            await start.SaveChangesAsync();
        }
        var messages = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var handled = await InOneGroup(groups, () => messages.Select(m => Deliver(groups, "appender", m, async s =>
            {
                var writing = await s.Events.FetchForWriting<Notes>(stream);
                writing.AppendOne(new Noted(m));
            })));

        Assert.All(handled, Assert.True);
        await using var check = _store.QuerySession();
        Assert.Equal(5, (await check.Events.FetchStreamAsync(stream)).Count);
    }

    public void Dispose() => _store.Dispose();
}
