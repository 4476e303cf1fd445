using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Coordination.IntegrationTests.Infrastructure;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>
/// The relay publishes a page's events together, and still the shared log must hold one
/// service's events in the order of its store, across its streams and message types: a
/// consumer may rely on a fact of one stream having been logged before a later one of another
/// (the costs service's clearing does).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RelayOrderTests(CoordinationStack stack)
{
    private static readonly Agency Ntt = CoordinationStack.NttRegistrar;
    private static readonly Agency Bp3mi = new("bp3mi-ntt", "53", ["registry:write"]);

    [Fact]
    public async Task Events_written_quickly_to_many_streams_of_a_service_reach_the_log_in_the_order_of_its_store()
    {
        using var workers = stack.DirectClient(stack.Registry, Ntt, "worker-registry");
        using var companies = stack.DirectClient(stack.Registry, Bp3mi, "worker-registry");
        using var reader = stack.ClientFor("integrator-demo");
        const int writers = 16, perWriter = 16;
        var written = new ConcurrentBag<(string Subject, int Events)>();

        // Two message types, so two exchanges (as the clearing's settlement and reversal are),
        // and streams of two events among streams of one, so that a relay publishing streams side
        // by side would let a later stream's event overtake a stream's second one.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                if (writer % 2 == 0)
                {
                    using var registered = await workers.Register(Workers.Minimal());
                    Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                    written.Add((Workers.SubjectOf(registered), 1));
                    continue;
                }
                using var company = await companies.PostAsJsonAsync("/api/registry/companies", Company());
                Assert.Equal(HttpStatusCode.Created, company.StatusCode);
                using var suspended = await companies.PostAsJsonAsync($"{company.Headers.Location}/licence/suspend",
                    new { effectiveOn = "2026-03-01", reason = "recruited without job orders" });
                Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
                written.Add(("company/" + company.Headers.Location!.ToString().Split('/')[^1], 2));
            }
        }));
        var subjects = written.Select(w => w.Subject).ToHashSet();
        var expected = written.Sum(w => w.Events);

        var logged = await Eventually.Get(async () =>
            {
                var entries = await stack.LoggedEvents(reader, subjects);
                return entries.Count >= expected ? entries : null;
            }, TimeSpan.FromSeconds(120), "every write reaching the log");
        var stored = await StoreSequences(logged.Select(e => Guid.Parse(e.GetProperty("id").GetString()!)).ToList());

        var inLogOrder = logged.Select(e => stored[Guid.Parse(e.GetProperty("id").GetString()!)]).ToList();
        Assert.Equal(expected, inLogOrder.Count);
        var firstOvertaken = inLogOrder.Zip(inLogOrder.Skip(1)).Select((pair, at) => (pair, at)).FirstOrDefault(x => x.pair.First > x.pair.Second);
        Assert.True(firstOvertaken == default,
            $"entry {firstOvertaken.at + 1} of {inLogOrder.Count} (store sequence {firstOvertaken.pair.Second}) was logged after one stored later ({firstOvertaken.pair.First})");
    }

    private static object Company() => new
    {
        name = "PT Urutan (fiktif)", licenceNumber = $"ORDER-{Guid.NewGuid():N}", licenceValidFrom = "2020-01-01",
        licenceValidUntil = "2030-12-31", headOfficeRegion = "31", headOfficeAddress = "Jl. Contoh 1, Jakarta",
        kupangRepresentativeOffice = true,
    };

    /// <summary>Each event's place in the registry's store (Marten's global sequence).</summary>
    private async Task<Dictionary<Guid, long>> StoreSequences(List<Guid> ids)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var query = db.CreateCommand("select id, seq_id from worker_registry.mt_events where id = any($1)");
        query.Parameters.Add(new() { Value = ids.ToArray() });
        await using var rows = await query.ExecuteReaderAsync();
        var sequences = new Dictionary<Guid, long>();
        while (await rows.ReadAsync()) sequences[rows.GetGuid(0)] = rows.GetInt64(1);
        return sequences;
    }
}
