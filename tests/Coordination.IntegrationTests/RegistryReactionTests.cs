using System.Text.Json;
using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.Contracts.Interceptions;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>
/// The registry's reactions to other services' events, published on those services' own
/// buses as their relays would, and read back through the gateway.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RegistryReactionTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _ntt = stack.ClientFor("disnakertrans-ntt");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_interception_marks_a_known_worker_intercepted_and_registers_an_unknown_one_unverified_once()
    {
        var known = await _ntt.RegisterId(Workers.WithNik("Dikenal Fiktif"));
        var unknown = Guid.CreateVersion7();
        var interception = new InterceptionRecorded(Guid.CreateVersion7(), "PLBN-ENTIKONG", DateTimeOffset.UtcNow.AddHours(-3), "MY",
            [
                new PersonReference(known, null),
                new PersonReference(unknown, new PersonDetails("Tanpa Dokumen Fiktif", Sex.Female, new DateOnly(2003, 4, 9), "53.01.19", null)),
            ],
            ["no-documents"], "disnakertrans-kalbar", DateTimeOffset.UtcNow);
        var eventId = Guid.CreateVersion7();
        using var consumed = Consumed.Watch(stack.Registry.Services, eventId);

        await Intercept(interception, eventId);

        var intercepted = await WhenStatus(known, "intercepted");
        Assert.Equal(1, intercepted.GetProperty("nonProceduralAttempts").GetInt32());
        Assert.Equal("disnakertrans-kalbar", intercepted.GetProperty("history").EnumerateArray()
            .Single(h => h.GetProperty("kind").GetString() == "intercepted").GetProperty("by").GetString());
        var registered = await _ntt.Worker(unknown);
        Assert.Equal("unverified", registered.GetProperty("identity").GetString());
        Assert.Equal("interception", registered.GetProperty("source").GetString());
        Assert.Equal("intercepted", registered.GetProperty("status").GetString());

        // The same stored event again (a relay retry): consumed, and nothing changes.
        await consumed.WaitFor(1, Within);
        await Intercept(interception, eventId);
        await consumed.WaitFor(2, Within);
        Assert.Equal(intercepted.GetProperty("version").GetInt64(), (await _ntt.Worker(known)).GetProperty("version").GetInt64());
        Assert.Equal(registered.GetProperty("version").GetInt64(), (await _ntt.Worker(unknown)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_person_stopped_with_a_NIK_the_registry_holds_is_filed_on_the_existing_record()
    {
        var birth = new DateOnly(1998, 3, 12);
        var nik = Workers.NewNik(birth, female: false);
        var existing = await _ntt.RegisterId(new { nik, fullName = "Ada Fiktif", sex = "male", birthDate = "1998-03-12", originRegion = "53.01.06" });
        var stopped = Guid.CreateVersion7();

        await Intercept(new InterceptionRecorded(Guid.CreateVersion7(), "BTM-BATAMCENTRE", DateTimeOffset.UtcNow, "SG",
            [new PersonReference(stopped, new PersonDetails("Ada Fiktif", Sex.Male, birth, "53.01.06", nik))],
            ["forged-documents"], "disnakertrans-kepri", DateTimeOffset.UtcNow), Guid.CreateVersion7());

        await WhenStatus(existing, "intercepted");
        var followed = await _ntt.Worker(stopped); // the new id redirects to the existing record
        Assert.Equal(existing, followed.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_arrival_home_and_a_death_report_are_filed_on_the_workers_record()
    {
        var worker = await _ntt.RegisterId(Workers.WithNik("Pulang Fiktif"));
        await Intercept(new InterceptionRecorded(Guid.CreateVersion7(), "PLBN-ENTIKONG", DateTimeOffset.UtcNow.AddDays(-9), "MY",
            [new PersonReference(worker, null)], ["no-documents"], "disnakertrans-kalbar", DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await WhenStatus(worker, "intercepted");

        await stack.Interceptions.Services.PublishAs(new HandoverArrivalConfirmed(Guid.CreateVersion7(), [worker], "KPG-TENAU",
            DateTimeOffset.UtcNow.AddHours(-1), "disnakertrans-ntt", DateTimeOffset.UtcNow), Guid.CreateVersion7(), "handover/x", "53");
        await WhenStatus(worker, "returned-home");

        await stack.DeceasedReturns.Services.PublishAs(new DeathReported(Guid.CreateVersion7(), new PersonReference(worker, null), "MY",
            DateOnly.FromDateTime(DateTime.UtcNow), ProceduralStatus.NonProcedural, "bp3mi-ntt", DateTimeOffset.UtcNow),
            Guid.CreateVersion7(), "case/x", "53");
        var deceased = await WhenStatus(worker, "deceased");
        Assert.Equal(2, deceased.GetProperty("nonProceduralAttempts").GetInt32());
    }

    private Task Intercept(InterceptionRecorded interception, Guid eventId) =>
        stack.Interceptions.Services.PublishAs(interception, eventId, $"interception/{interception.InterceptionId}", Provinces.Kalbar);

    /// <summary>The worker once their record has <paramref name="status"/>.</summary>
    private async Task<JsonElement> WhenStatus(Guid id, string status)
    {
        var body = await Eventually.Get(async () =>
        {
            using var response = await _ntt.GetAsync($"/api/registry/workers/{id}");
            if (!response.IsSuccessStatusCode) return null;
            var text = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(text).RootElement.GetProperty("status").GetString() == status ? text : null;
        }, Within, $"worker {id} becoming {status}");
        return JsonDocument.Parse(body).RootElement;
    }

    public void Dispose() => _ntt.Dispose();
}
