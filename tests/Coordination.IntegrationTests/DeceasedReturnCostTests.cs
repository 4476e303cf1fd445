using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Costs of returning remains, on the cases the deceased-returns service publishes.</summary>
[Collection(StackCollection.Name)]
public sealed class DeceasedReturnCostTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _bp3mi = stack.ClientFor("bp3mi-ntt");

    [Theory]
    [InlineData(ProceduralStatus.Procedural, "bp2mi")]
    [InlineData(ProceduralStatus.NonProcedural, "ntt")]
    public async Task BP2MI_bears_the_remains_transport_of_a_procedural_worker_and_the_origin_province_that_of_a_non_procedural_one(
        ProceduralStatus status, string bearer)
    {
        using var secretariat = stack.ClientFor("agreement-secretariat");
        await Costs.EnsureAgreement(secretariat);
        var caseId = Guid.CreateVersion7();
        await stack.DeceasedReturns.Services.PublishAs(new DeathReported(caseId, new PersonReference(Guid.CreateVersion7(),
                new PersonDetails("Yakobus Rekaan", Sex.Male, new DateOnly(1990, 6, 1), "53.02.01", null)), "MY",
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), status, "bp3mi-ntt", DateTimeOffset.UtcNow), Guid.CreateVersion7(), $"case/{caseId}", "53");

        var posted = await Eventually.Get(async () =>
        {
            var response = await _bp3mi.PostAsJsonAsync("/api/costs/lines", new
            {
                caseId, category = "remains-transport", amount = 9_000_000, date = Wita.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd"),
                evidenceReference = $"CARGO-KUL-KOE-{Guid.NewGuid():N}",
            });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadAsStringAsync() : null;
        }, TimeSpan.FromSeconds(30), "the costs service learning of the death and taking the line");
        var line = JsonDocument.Parse(posted).RootElement;

        var allocation = Assert.Single(line.GetProperty("allocations").EnumerateArray());
        Assert.Equal((bearer, 9_000_000L), (allocation.GetProperty("party").GetString(), allocation.GetProperty("amount").GetInt64()));
        Assert.Equal("bp2mi", line.GetProperty("paidBy").GetString());
    }

    public void Dispose() => _bp3mi.Dispose();
}
