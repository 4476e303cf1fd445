using System.Diagnostics;
using Coordination.ServiceDefaults;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Npgsql;

namespace Coordination.Bench;

public sealed record BenchWorkerNoted(Guid WorkerId, string Note, DateTimeOffset At);

/// <summary>A worker's summary, as a registry read model would keep it.</summary>
public sealed record BenchWorkerSummary(Guid Id, string OriginRegion, int Notes);

public sealed class BenchWorkerProjection : SingleStreamProjection<BenchWorkerSummary, Guid>
{
    public override BenchWorkerSummary? Evolve(BenchWorkerSummary? snapshot, Guid id, IEvent e) => e.Data switch
    {
        BenchWorkerRegistered r => new BenchWorkerSummary(id, r.OriginRegion, 0),
        BenchWorkerNoted when snapshot is not null => snapshot with { Notes = snapshot.Notes + 1 },
        _ => snapshot,
    };
}

/// <summary>A rebuild's figures: <see cref="PerSecond"/> from the second rebuild in the process, <see cref="FirstPerSecond"/> from the first.</summary>
public readonly record struct RebuildResult(long Events, double PerSecond, double FirstPerSecond, double StoreSeconds);

/// <summary>Rebuilds a projection over a store of <c>events</c> events (streams of ten), stored once and kept for later runs.</summary>
public static class Rebuild
{
    private const int PerStream = 10;
    private const int RebuildPage = 10_000;

    public static async Task<RebuildResult> Run(string connection, int events, CancellationToken ct)
    {
        // With the services' connection settings, as a service rebuilding its own projection has:
        // without automatic preparation PostgreSQL parsed each of the 100,000 summaries' upserts
        // anew, and spent 14 s of CPU on a rebuild instead of 6 (docs/performance.md).
        using var store = RawStore.Store(Postgres.Tuned(connection), "bench_replay", o =>
        {
            o.Events.AppendMode = EventAppendMode.Quick;
            // A rebuild reads pages of 10,000 events rather than 500, and keeps each summary's
            // latest state in memory until 20,000 are dirty, then writes them at once (one write
            // per summary instead of one per page that touched it).
            o.Projections.Add<BenchWorkerProjection>(ProjectionLifecycle.Async, a =>
            {
                a.BatchSize = RebuildPage;
                a.RebuildFlushThreshold = 2 * RebuildPage;
                // The daemon loads ahead only while the events loaded and not yet applied stay
                // under this (5,000 by default: less than one page, so each page was loaded only
                // after the last one was applied and written).
                a.MaximumHopperSize = 3 * RebuildPage;
            });
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var storeSeconds = await StoreUpTo(store, connection, events, ct);

        var stored = await Count(connection);
        using var daemon = await store.BuildProjectionDaemonAsync();
        // Twice: in the first rebuild of a process a fifth of its CPU went to the JIT recompiling
        // the hot code (the tiered compiler's thread), a cost that a service already running, or
        // a rebuild of ten times the events, pays once. The second is what the target is judged by;
        // both are printed.
        var first = await EventsPerSecond(daemon, stored, ct);
        return new RebuildResult(stored, await EventsPerSecond(daemon, stored, ct), first, storeSeconds);
    }

    private static async Task<double> EventsPerSecond(IProjectionDaemon daemon, long events, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await daemon.RebuildProjectionAsync<BenchWorkerProjection>(TimeSpan.FromMinutes(10), ct);
        return events / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <returns>seconds spent storing what was missing (0 when an earlier run stored enough).</returns>
    private static async Task<double> StoreUpTo(DocumentStore store, string connection, int events, CancellationToken ct)
    {
        var missing = events - await Count(connection);
        if (missing <= 0) return 0;
        var started = Stopwatch.GetTimestamp();
        var streams = (int)Math.Ceiling(missing / (double)PerStream);
        // A thousand events a save: storing is not what this measures.
        for (var batch = 0; batch < streams; batch += 100)
        {
            await using var session = store.LightweightSession();
            for (var s = batch; s < Math.Min(streams, batch + 100); s++)
            {
                var registered = RawStore.Payload(s);
                session.Events.StartStream(registered.WorkerId,
                    [registered, .. Enumerable.Range(1, PerStream - 1).Select(n => new BenchWorkerNoted(registered.WorkerId, $"note {n}", registered.RegisteredAt))]);
            }
            await session.SaveChangesAsync(ct);
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<long> Count(string connection)
    {
        await using var db = NpgsqlDataSource.Create(connection);
        return (long)(await db.CreateCommand("select count(*) from bench_replay.mt_events").ExecuteScalarAsync())!;
    }
}
