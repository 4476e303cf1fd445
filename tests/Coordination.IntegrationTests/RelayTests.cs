using System.Collections.Concurrent;
using System.Net;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public class RelayTests(CoordinationStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task The_log_holds_every_appended_event_exactly_once_when_the_registry_restarts_while_relaying()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        var accepted = new ConcurrentBag<string>();
        const int writers = 8, perWriter = 40;
        var restarted = new TaskCompletionSource();

        // Eight border posts keep registering; once a quarter of the writes were accepted,
        // the registry stops (its relay mid-way through them) and starts again.
        var writing = Enumerable.Range(0, writers).Select(async _ =>
        {
            for (var mine = 0; mine < perWriter;)
            {
                try
                {
                    using var response = await ntt.Register(Workers.Minimal());
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        accepted.Add(Workers.SubjectOf(response));
                        mine++;
                    }
                    else await Task.Delay(20); // the registry is away: try again, as a border post would
                }
                catch (HttpRequestException)
                {
                    // The connection broke mid-request: not accepted; the next attempt is a new write.
                }
                if (accepted.Count >= writers * perWriter / 4) restarted.TrySetResult();
            }
        }).ToList();
        await restarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"restarting the registry after {accepted.Count} accepted, {(await stack.LoggedEvents(ntt, accepted.ToHashSet())).Count} of them logged");
        await stack.StopRegistryAsync();
        stack.StartRegistry();
        await Task.WhenAll(writing);

        var appended = await StoredWorkerRegistrations();
        Assert.Equal(writers * perWriter, accepted.Count);
        Assert.Superset(accepted.ToHashSet(), appended.ToHashSet());
        var logged = await Eventually.Get(async () =>
            {
                var entries = await stack.LoggedEvents(ntt, appended.ToHashSet());
                return entries.Count >= appended.Count ? entries : null;
            }, TimeSpan.FromSeconds(60), "every appended registration reaching the log");

        output.WriteLine($"accepted {accepted.Count} of {writers * perWriter}; stored {appended.Count}; logged {logged.Count}");
        Assert.Equal(appended.Count, logged.Count);
        Assert.Equal(appended.Order(), logged.Select(e => e.GetProperty("subject").GetString()!).Order());
    }

    /// <summary>The subjects of every WorkerRegistered in the registry's own store.</summary>
    private async Task<List<string>> StoredWorkerRegistrations()
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var reader = await db.CreateCommand(
            "select stream_id from worker_registry.mt_events where type = 'worker_registered'").ExecuteReaderAsync();
        var subjects = new List<string>();
        while (await reader.ReadAsync()) subjects.Add($"worker/{reader.GetGuid(0)}");
        return subjects;
    }
}
