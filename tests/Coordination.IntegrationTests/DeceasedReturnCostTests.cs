using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Contracts;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Costs of returning remains, posted on the case the deceased-returns service opened when the death was reported.</summary>
[Collection(StackCollection.Name)]
public sealed class DeceasedReturnCostTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _bp3mi = stack.ClientFor("bp3mi-ntt");

    [Theory]
    [InlineData("procedural", "bp2mi")]
    [InlineData("non-procedural", "ntt")]
    public async Task BP2MI_bears_the_remains_transport_of_a_procedural_worker_and_the_origin_province_that_of_a_non_procedural_one(
        string status, string bearer)
    {
        using var secretariat = stack.ClientFor("agreement-secretariat");
        await Costs.EnsureAgreement(secretariat);
        var today = Wita.DayOf(DateTimeOffset.UtcNow);
        var @case = await _bp3mi.ReportCase(Returns.Report(
            new { fullName = "Yakobus Rekaan", sex = "male", birthDate = "1990-06-01", originRegion = "53.02.01" },
            proceduralStatus: status, diedOn: Iso(today.AddDays(-3))));
        var caseId = @case.Split('/')[^1];

        var posted = await Eventually.Get(async () =>
        {
            using var response = await _bp3mi.PostAsJsonAsync("/api/costs/lines", new
            {
                caseId, category = "remains-transport", amount = 9_000_000, date = Iso(today),
                evidenceReference = $"AWB-126-{Guid.NewGuid():N}",
            });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadAsStringAsync() : null;
        }, TimeSpan.FromSeconds(30), "the costs service learning of the reported death and taking the line");
        var line = JsonDocument.Parse(posted).RootElement;

        var allocation = Assert.Single(line.GetProperty("allocations").EnumerateArray());
        Assert.Equal((bearer, 9_000_000L), (allocation.GetProperty("party").GetString(), allocation.GetProperty("amount").GetInt64()));
        Assert.Equal("bp2mi", line.GetProperty("paidBy").GetString());
        var costCase = await _bp3mi.GetFromJsonAsync<JsonElement>($"/api/costs/cases/{caseId}");
        Assert.Equal("deceased-return", costCase.GetProperty("case").GetProperty("kind").GetString());
        Assert.Equal(status + "-return", costCase.GetProperty("phaseToday").GetString());
        Assert.Equal(line.GetProperty("id").GetString(), Assert.Single(costCase.GetProperty("lines").EnumerateArray()).GetProperty("id").GetString());
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => _bp3mi.Dispose();
}
