using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Contracts;
using Coordination.Contracts.Interceptions;
using Coordination.Contracts.WorkerRegistry;
using Coordination.IntegrationTests.Infrastructure;
using static Coordination.IntegrationTests.Infrastructure.Returns;

namespace Coordination.IntegrationTests;

/// <summary>
/// The person's earlier steps on a return case, from other services' events published on their
/// own buses as their relays would: the deceased-returns service keeps its own copy of them.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DeceasedHistoryTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _bp3mi = stack.ClientFor("bp3mi-ntt");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_case_shows_a_procedural_departure_and_an_interception_filed_under_a_record_merged_into_the_deceaseds_once_each()
    {
        var worker = await _bp3mi.RegisterId(Workers.WithNik("Riwayat Fiktif"));
        var duplicate = Guid.CreateVersion7();
        var interception = new InterceptionRecorded(Guid.CreateVersion7(), "BTM-BATAMCENTRE", new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)),
            "SG", [new PersonReference(duplicate, new PersonDetails("Riwayat Fiktif", Sex.Male, new DateOnly(1998, 3, 12), "53.01.06", null))],
            ["no-documents"], "disnakertrans-kepri", DateTimeOffset.UtcNow);
        var interceptionEvent = Guid.CreateVersion7();
        using var consumed = Consumed.Watch(stack.DeceasedReturns.Services, interceptionEvent);

        await stack.Registry.Services.PublishAs(new WorkerDeparted(worker, Guid.CreateVersion7(), "MY", "plantation worker", new DateOnly(2022, 5, 1),
            "53.01.06", "disnakertrans-ntt", DateTimeOffset.UtcNow), Guid.CreateVersion7(), $"worker/{worker}", Provinces.Ntt);
        for (var delivery = 0; delivery < 2; delivery++)
            await stack.Interceptions.Services.PublishAs(interception, interceptionEvent, $"interception/{interception.InterceptionId}", Provinces.Kepri);
        await stack.Registry.Services.PublishAs(new WorkersMerged(worker, duplicate, "Same person", "disnakertrans-ntt", DateTimeOffset.UtcNow),
            Guid.CreateVersion7(), $"worker/{worker}", Provinces.Ntt);
        await consumed.WaitFor(2, Within);
        var @case = await Eventually.Get(async () =>
        {
            using var response = await _bp3mi.PostAsJsonAsync("/api/deceased/cases", Report(new { workerId = worker }));
            return response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.ToString() : null;
        }, Within, "the service learning of the worker from the registry");

        var history = await Eventually.Get(async () =>
        {
            var steps = (await _bp3mi.Case(@case)).GetProperty("history");
            return steps.GetArrayLength() >= 2 ? steps.GetRawText() : null;
        }, Within, "the case showing both earlier steps");

        var steps = JsonDocument.Parse(history).RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("on").GetString(), s.GetProperty("country").GetString())).ToArray();
        Assert.Equal([("departed", "2022-05-01", "MY"), ("intercepted", "2023-03-01", "SG")], steps);
    }

    public void Dispose() => _bp3mi.Dispose();
}
