using Coordination.Interceptions.Interceptions;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace Coordination.Interceptions.Handovers;

public sealed class HandoverOptions
{
    public const string Section = "Handovers";

    /// <summary>How long the receiving province has to reply (the agreement: 3 days).</summary>
    public TimeSpan ReplyPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>After the expected arrival, how long before the people still missing raise an alert.</summary>
    public TimeSpan ArrivalGrace { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// One scheduled job for every deadline (not a timer per request): each round it finds the
/// interceptions whose next deadline has come (<see cref="Interception.NextDeadline"/>) and
/// appends whatever deadline has passed. Two
/// instances may both run it: the stream version makes one of them lose, and the next
/// round finds nothing left to do.
/// </summary>
public sealed class DeadlineJob(IDocumentStore store, IOptions<HandoverOptions> options, TimeProvider clock, ILogger<DeadlineJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Checking handover deadlines failed; trying again next round.");
            }
        }
    }

    public async Task RunOnce(CancellationToken ct)
    {
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            var now = clock.GetUtcNow();
            due = [.. await query.Query<Interception>().Where(i => i.NextDeadline < now).Select(i => i.Id).ToListAsync(ct)];
        }

        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Interception>(id, ct);
            var decision = Deadlines.Decide(stream.Aggregate!, clock.GetUtcNow(), options.Value.ArrivalGrace);
            if (decision.Events.Count == 0) continue;
            stream.AppendMany(decision.Events);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (ConcurrencyException)
            {
                // Another write (or instance) got there first; the next round sees its result.
            }
        }
    }
}
