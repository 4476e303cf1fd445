using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Coordination.Bench;

/// <summary>A registration as the registry stores it, for the baselines: the same payload, no service around it.</summary>
public sealed record BenchWorkerRegistered(
    Guid WorkerId, string? Nik, string FullName, string Sex, DateOnly BirthDate, string OriginRegion, string Source,
    string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>
/// The store on its own, in a database of the bench's own: Marten appending one event per save
/// from concurrent sessions, and single-row INSERTs from as many connections.
/// </summary>
public static class RawStore
{
    public const string Database = "coordination_bench";

    public static async Task<string> EnsureDatabase(string postgres)
    {
        await using (var admin = NpgsqlDataSource.Create(postgres))
        {
            var exists = await admin.CreateCommand($"select 1 from pg_database where datname = '{Database}'").ExecuteScalarAsync();
            if (exists is null) await admin.CreateCommand($"create database {Database}").ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(postgres) { Database = Database }.ConnectionString;
    }

    public static DocumentStore Store(string connection, string schema, Action<StoreOptions>? configure = null) => DocumentStore.For(o =>
    {
        o.Connection(connection);
        o.DatabaseSchemaName = schema;
        o.Events.DatabaseSchemaName = schema;
        o.Events.StreamIdentity = StreamIdentity.AsGuid;
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // As the services store (Coordination.Eventing.EventStore), not Marten's Newtonsoft default.
        o.UseSystemTextJsonForSerialization();
        configure?.Invoke(o);
    });

    public static BenchWorkerRegistered Payload(long i) => new(Guid.CreateVersion7(), $"53010612039{i % 100000:00000}", "Yohanes Nahak", "male",
        new DateOnly(1998, 3, 12), "53.01.06", "ltsa-registration", "disnakertrans-ntt", DateTimeOffset.UtcNow);

    /// <summary>Events per second: each session starts one stream with one event and saves, in a loop.</summary>
    public static async Task<double> MartenAppends(string connection, int sessions, int seconds)
    {
        using var store = Store(connection, "bench_raw");
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return await Loop(sessions, seconds, async i =>
        {
            await using var session = store.LightweightSession();
            var e = Payload(i);
            session.Events.StartStream(e.WorkerId, e);
            await session.SaveChangesAsync();
        });
    }

    /// <summary>Rows per second: single-row INSERTs, each its own transaction.</summary>
    public static async Task<double> Inserts(string connection, int clients, int seconds)
    {
        await using var db = NpgsqlDataSource.Create(connection);
        await db.CreateCommand("create table if not exists bench_insert (id uuid primary key, data jsonb not null)").ExecuteNonQueryAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(Payload(0));
        return await Loop(clients, seconds, async _ =>
        {
            await using var insert = db.CreateCommand("insert into bench_insert (id, data) values ($1, $2::jsonb)");
            insert.Parameters.AddWithValue(Guid.CreateVersion7());
            insert.Parameters.AddWithValue(json);
            await insert.ExecuteNonQueryAsync();
        });
    }

    /// <summary>Runs <paramref name="work"/> in <paramref name="workers"/> loops for the time given; completions per second.</summary>
    public static async Task<double> Loop(int workers, int seconds, Func<long, Task> work)
    {
        long done = 0;
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until) await work(Interlocked.Increment(ref done));
        })));
        return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
