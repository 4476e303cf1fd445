using System.Diagnostics;

namespace Coordination.Faults;

/// <summary>One thing that fails while the load runs, and its recovery.</summary>
/// <param name="Fault">breaks something and repairs it; returns what it wants said about it.</param>
public sealed record Scenario(string Id, string Name, Func<Stack, Broker, Task<string?>> Fault);

public static class Scenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        .. Stack.Services.Select((service, i) => new Scenario($"1{(char)('a' + i)}", $"kill -9 {service}, restarted after 3 s",
            async (stack, _) =>
            {
                await stack.Kill(service);
                await Task.Delay(TimeSpan.FromSeconds(3));
                await stack.StartMissing();
                return null;
            })),
        new("2", "RabbitMQ stopped for 20 s, then started", async (stack, _) =>
        {
            await stack.StopBroker();
            await Task.Delay(TimeSpan.FromSeconds(20));
            await stack.StartBroker();
            return null;
        }),
        new("3", "PostgreSQL restarted (down 5 s)", async (stack, _) =>
        {
            await stack.StopDatabase();
            await Task.Delay(TimeSpan.FromSeconds(5));
            await stack.StartDatabase();
            return null;
        }),
        new("4", "the event log killed for 20 s while the others keep writing", async (stack, _) =>
        {
            await stack.Kill("event-log");
            await Task.Delay(TimeSpan.FromSeconds(20));
            await stack.StartMissing();
            return null;
        }),
        new("5", "a poison message published by hand to the event log's queue", async (_, broker) =>
        {
            const string queue = "event-log";
            var before = await broker.CountAsync(queue + "_error");
            await broker.PublishPoisonAsync(queue, Guid.NewGuid());
            // Retried 100 ms, 0.5 s, 2 s and 5 s apart, then set aside.
            var waited = Stopwatch.StartNew();
            while (await broker.CountAsync(queue + "_error") <= before)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException("The poison message did not reach event-log_error within 60 s.");
                await Task.Delay(500);
            }
            return $"the poison reached {queue}_error after {waited.Elapsed.TotalSeconds:0.0} s";
        }),
        new("6", "SIGTERM of worker-registry under load (drains, relay stops at a checkpoint), restarted after 3 s", async (stack, _) =>
        {
            await stack.Kill("worker-registry", "TERM");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stack.StartMissing();
            return null;
        }),
    ];
}

/// <summary>Runs a scenario: load before, during and after the fault, then waits for the log to settle and judges.</summary>
public sealed class ScenarioRun(Stack stack, Broker broker, Load load, Ledger ledger, TimeSpan loadFor)
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(5), Tail = TimeSpan.FromSeconds(5), SettleFor = TimeSpan.FromSeconds(120);

    public async Task<Tally> RunAsync(Scenario scenario)
    {
        var run = Tokens.NewRun();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(run, stop.Token);
        await Task.Delay(Lead);
        var note = await scenario.Fault(stack, broker);
        var recovered = clock.Elapsed;
        var rest = loadFor - clock.Elapsed;
        await Task.Delay(rest > Tail ? rest : Tail);
        await stop.CancelAsync();
        var sent = await writing;
        var loaded = clock.Elapsed;

        // The relays and consumers catch up after the fault: wait until nothing is missing any more.
        var tally = await ledger.TallyAsync(run, sent, default);
        while ((tally.Lost > 0 || tally.ReactionsLost > 0) && clock.Elapsed - loaded < SettleFor)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            tally = await ledger.TallyAsync(run, sent, default);
        }
        // A little longer, for a late second copy to show.
        await Task.Delay(TimeSpan.FromSeconds(3));
        tally = await ledger.TallyAsync(run, sent, default);

        Console.WriteLine($"[{scenario.Id}] {scenario.Name}");
        if (note is not null) Console.WriteLine($"    {note}");
        Console.WriteLine($"    recovered at {recovered.TotalSeconds:0} s, load for {loaded.TotalSeconds:0} s, settled after {(clock.Elapsed - loaded).TotalSeconds:0} s more");
        Console.WriteLine($"    {tally}");
        var statuses = sent.Where(s => s.Answer != Answer.Accepted).GroupBy(s => s.Status?.ToString() ?? "no answer")
            .Select(g => $"{g.Key}: {g.Count()}");
        if (sent.Any(s => s.Answer != Answer.Accepted)) Console.WriteLine($"    not accepted: {string.Join(", ", statuses)}");
        Console.WriteLine($"    {(tally.Sound ? "ok" : "FAILED")}");
        return tally;
    }
}
