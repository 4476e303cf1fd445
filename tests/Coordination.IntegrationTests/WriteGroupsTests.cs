using Coordination.Eventing;
using Coordination.IntegrationTests.Infrastructure;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>The write path's group commit against a real Marten store in the run's database.</summary>
[Collection(StackCollection.Name)]
public sealed class WriteGroupsTests(CoordinationStack stack) : IDisposable
{
    public sealed record Counted(int By, string? Claim = null);

    /// <summary>A stream's state, built live from its events as a service's aggregate is.</summary>
    // Public: Marten's source generator writes an evolver for it outside this class.
    public sealed record Counter(Guid Id, int Total)
    {
        public static Counter Create(Counted e) => new(Guid.Empty, e.By);
        public Counter Apply(Counted e) => this with { Total = Total + e.By };
    }

    private readonly DocumentStore _store = Store(stack);

    private static DocumentStore Store(CoordinationStack stack, params IDocumentSessionListener[] listeners) => DocumentStore.For(o =>
    {
        o.Connection(stack.Postgres);
        o.DatabaseSchemaName = "write_group_tests";
        o.Events.DatabaseSchemaName = "write_group_tests";
        o.Events.MetadataConfig.HeadersEnabled = true;
        o.Projections.Add(new CountClaims(), ProjectionLifecycle.Inline);
        foreach (var listener in listeners) o.Listeners.Add(listener);
    });

    private WriteGroups Groups() => new(_store, NullLogger<WriteGroups>.Instance);

    /// <summary>Adds <paramref name="by"/> to the stream, taking <paramref name="claim"/>; a negative total is refused.</summary>
    private static StreamWrite<Counter> Count(Guid stream, int by, Action? meanwhile = null, string? trace = null, string? claim = null) =>
        new(stream, null, [], (state, _) =>
        {
            meanwhile?.Invoke();
            return (state?.Total ?? 0) + by < 0
                ? new RuleBroken("by", "Below zero", "A counter does not go below zero.")
                : Decision.Accept(new Counted(by, claim));
        }, _ => stream, trace);

    /// <summary>Starts the stream with <paramref name="by"/>, as a command whose id was just made does.</summary>
    private static StreamWrite<Counter> Start(Guid stream, int by, string? trace = null) =>
        new(stream, null, [], (state, _) => state is null ? Decision.Accept(new Counted(by)) : throw new InvalidOperationException("A start is decided on no state."),
            _ => stream, trace, starts: true);

    /// <summary>A stream that another writer started with a count of five.</summary>
    private async Task<Guid> StartedWithFive()
    {
        var stream = Guid.NewGuid();
        await using var other = _store.LightweightSession();
        other.Events.StartStream<Counter>(stream, new Counted(5));
        await other.SaveChangesAsync();
        return stream;
    }

    private async Task<int?> TotalOf(Guid stream)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.AggregateStreamAsync<Counter>(stream))?.Total;
    }

    /// <summary>How many transactions the events of <paramref name="streams"/> were committed in.</summary>
    private async Task<long> CommitsOf(IEnumerable<Guid> streams)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var count = db.CreateCommand("select count(distinct xmin::text) from write_group_tests.mt_events where stream_id = any($1)");
        count.Parameters.Add(new() { Value = streams.ToArray() });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_group_is_appended_in_one_transaction_and_each_write_answered_with_its_own_version()
    {
        var streams = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var writes = streams.Select((s, i) => Count(s, i + 1, trace: $"00-{s:N}-0000000000000001-01")).ToList();

        Assert.True(await Groups().Together([.. writes]));

        Assert.Equal(1, await CommitsOf(streams));
        for (var i = 0; i < streams.Length; i++)
        {
            var outcome = await writes[i].Done.Task;
            Assert.Equal(1, outcome!.Written!.Version);
            Assert.Equal(i + 1, await TotalOf(streams[i]));
        }
        // Each event keeps the trace of its own request, for the relay to continue.
        await using var session = _store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(streams[7]);
        Assert.Equal($"00-{streams[7]:N}-0000000000000001-01", stored.Single().Headers!["traceparent"]?.ToString());
    }

    [Fact]
    public async Task A_refused_command_in_a_group_gets_its_error_and_the_others_are_written()
    {
        var (kept, refused) = (Guid.NewGuid(), Guid.NewGuid());
        var writes = new List<IGroupedWrite> { Count(kept, 2), Count(refused, -1) };

        Assert.True(await Groups().Together(writes));

        Assert.IsType<RuleBroken>((await ((StreamWrite<Counter>)writes[1]).Done.Task)!.Error);
        Assert.Equal(2, await TotalOf(kept));
        Assert.Null(await TotalOf(refused));
    }

    [Fact]
    public async Task A_group_whose_commit_is_refused_keeps_nothing()
    {
        var innocent = Guid.NewGuid();
        var contested = new[] { Guid.NewGuid(), Guid.NewGuid() };
        // Another writer starts a contested stream after the group fetched it as new. Two of them:
        // the commit is then refused for more than one reason at once.
        Action StartElsewhere(Guid stream) => () =>
        {
            using var other = _store.LightweightSession();
            other.Events.StartStream<Counter>(stream, new Counted(5));
            other.SaveChangesAsync().GetAwaiter().GetResult(); // decide is synchronous
        };
        var writes = new List<IGroupedWrite> { Count(innocent, 1) };
        writes.AddRange(contested.Select(c => Count(c, 1, StartElsewhere(c))));

        Assert.False(await Groups().Together(writes));

        Assert.Null(await TotalOf(innocent));
        foreach (var c in contested) Assert.Equal(5, await TotalOf(c));
        Assert.All(writes.Cast<StreamWrite<Counter>>(), w => Assert.False(w.Done.Task.IsCompleted));
    }

    [Fact]
    public async Task A_group_refused_for_several_values_taken_at_once_keeps_nothing()
    {
        var value = UniqueClaim.Key("count", Guid.NewGuid().ToString("N"));
        await using (var first = _store.LightweightSession())
        {
            first.Insert(new UniqueClaim(value, Guid.NewGuid()));
            await first.SaveChangesAsync();
        }
        // Each of the group's writes fails on the value: the commit is refused for all of them at once.
        var streams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var writes = streams.Select(s => (IGroupedWrite)Count(s, 1, claim: value)).ToList();

        Assert.False(await Groups().Together(writes));

        foreach (var s in streams) Assert.Null(await TotalOf(s));
    }

    /// <summary>Fails every save after Marten has begun it, as a connection lost during the commit would.</summary>
    private sealed class LostConnection : DocumentSessionListenerBase
    {
        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) =>
            throw new IOException("The connection was lost.");
    }

    [Fact]
    public async Task A_group_whose_commit_may_have_happened_fails_each_request_rather_than_writing_it_again()
    {
        using var store = Store(stack, new LostConnection());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var writes = new List<IGroupedWrite> { Count(first, 1), Count(second, 1) };

        Assert.True(await new WriteGroups(store, NullLogger<WriteGroups>.Instance).Together(writes));

        foreach (var write in writes.Cast<StreamWrite<Counter>>())
            await Assert.ThrowsAsync<IOException>(() => write.Done.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(await TotalOf(first));
    }

    [Fact]
    public async Task Streams_started_in_a_group_are_appended_in_the_groups_transaction_each_with_its_trace()
    {
        var changed = await StartedWithFive();
        var started = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var writes = started.Select((s, i) => Start(s, i + 1, $"00-{s:N}-0000000000000001-01")).ToList();
        var change = Count(changed, 1);

        Assert.True(await Groups().Together([.. writes, change]));

        // The group's transaction, and the one that started the changed stream before it.
        Assert.Equal(2, await CommitsOf([.. started, changed]));
        Assert.Equal(1, await CommitsOf(started));
        for (var i = 0; i < started.Length; i++)
        {
            Assert.Equal(1, (await writes[i].Done.Task)!.Written!.Version);
            Assert.Equal(i + 1, await TotalOf(started[i]));
        }
        Assert.Equal(2, (await change.Done.Task)!.Written!.Version);
        await using var session = _store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(started[3]);
        Assert.Equal($"00-{started[3]:N}-0000000000000001-01", stored.Single().Headers!["traceparent"]?.ToString());
    }

    [Fact]
    public async Task A_group_of_starts_alone_is_appended_in_one_transaction()
    {
        var started = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var writes = started.Select(s => (IGroupedWrite)Start(s, 1)).ToList();

        Assert.True(await Groups().Together(writes));

        Assert.Equal(1, await CommitsOf(started));
    }

    [Fact]
    public async Task A_start_of_a_stream_that_exists_is_refused_alone_and_in_a_group_and_changes_nothing()
    {
        var (existing, innocent) = (await StartedWithFive(), Guid.NewGuid());

        Assert.False(await Groups().Together([Start(existing, 1), Count(innocent, 1)]));
        Assert.Null(await TotalOf(innocent));

        await using var own = _store.LightweightSession();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Start(existing, 1).Alone(own, default));
        Assert.True(StreamWrites.IsConcurrentChange(refused), refused.GetType().FullName);
        Assert.Equal(5, await TotalOf(existing));
    }

    [Fact]
    public void A_stream_twice_in_a_group_is_written_by_the_second_in_a_later_round()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, other, second) = (Count(a, 1), Count(b, 1), Count(a, 1));

        var rounds = WriteGroups.Rounds([first, other, second]).ToList();

        Assert.Equal(2, rounds.Count);
        Assert.Equal([first, other], rounds[0]);
        Assert.Equal([second], rounds[1]);
    }

    [Fact]
    public async Task Writes_made_at_once_are_all_answered_and_kept_each_once()
    {
        var groups = Groups();
        var streams = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        var outcomes = await Task.WhenAll(streams.Select(async (s, i) =>
        {
            await using var own = _store.LightweightSession();
            return await groups.Write(Count(s, i + 1), own, default);
        }));

        Assert.All(outcomes, o => Assert.Equal(1, o.Written!.Version));
        for (var i = 0; i < streams.Length; i++) Assert.Equal(i + 1, await TotalOf(streams[i]));
        Assert.True(await CommitsOf(streams) < streams.Length, "no two of the writes shared a transaction");
    }

    public void Dispose() => _store.Dispose();
}

/// <summary>A value a count takes, claimed inline as the registry claims a NIK.</summary>
public sealed partial class CountClaims : EventProjection
{
    public CountClaims() => IncludeType<WriteGroupsTests.Counted>();

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is WriteGroupsTests.Counted { Claim: { } claim }) operations.Insert(new UniqueClaim(claim, e.StreamId));
        return ValueTask.CompletedTask;
    }
}
