using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Coordination.IntegrationTests.Infrastructure;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry;

namespace Coordination.IntegrationTests;

/// <summary>
/// Two registries against one database: both take writes, one relays at a time (Marten's
/// hot/cold daemon), and whichever relays is stopped at some point while the other goes on.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RelayFailoverTests(CoordinationStack stack)
{
    private static readonly Agency Ntt = CoordinationStack.NttRegistrar;

    [Fact]
    public async Task Two_instances_of_a_service_both_serve_and_every_event_is_logged_exactly_once_when_either_stops()
    {
        using var gateway = stack.ClientFor("disnakertrans-ntt");
        var accepted = new ConcurrentBag<string>();
        await using var second = stack.StartInstance<WorkerRegistryModule>();
        using var direct = stack.DirectClient(second, Ntt, "worker-registry");

        // The first instance stops and starts again, then the second stops: one of the two held
        // the relay, and the other took it over.
        await Write(gateway, direct, accepted, 20);
        await stack.StopRegistryAsync();
        await Write(null, direct, accepted, 20);
        stack.StartRegistry();
        await Write(gateway, direct, accepted, 20);
        await second.DisposeAsync();
        await Write(gateway, null, accepted, 20);

        var logged = await Eventually.Get(async () =>
            {
                var entries = await stack.LoggedEvents(gateway, accepted.ToHashSet());
                return entries.Count >= accepted.Count ? entries : null;
            }, TimeSpan.FromSeconds(90), "every accepted registration reaching the log");
        Assert.Equal(accepted.Order(), logged.Select(e => e.GetProperty("subject").GetString()!).Order());
    }

    /// <summary>Registers <paramref name="each"/> workers through each client given, concurrently.</summary>
    private static async Task Write(HttpClient? gateway, HttpClient? direct, ConcurrentBag<string> accepted, int each)
    {
        async Task Through(HttpClient client)
        {
            for (var written = 0; written < each;)
            {
                using var response = await client.PostAsJsonAsync("/api/registry/workers", Workers.Minimal());
                // The gateway answers 502 while its registry restarts: the writer tries again.
                if (response.StatusCode != HttpStatusCode.Created) { await Task.Delay(100); continue; }
                accepted.Add(Workers.SubjectOf(response));
                written++;
            }
        }
        await Task.WhenAll(new[] { gateway, direct }.OfType<HttpClient>().Select(Through));
    }
}
