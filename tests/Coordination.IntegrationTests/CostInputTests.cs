using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Bad cost lines get problem details and store nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class CostInputTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _kalbar = stack.ClientFor("disnakertrans-kalbar");

    private static string Line(string amount, string category = "\"meals\"", Guid? caseId = null, string? evidence = null) =>
        $$"""{"caseId":"{{caseId ?? Guid.NewGuid()}}","category":{{category}},"amount":{{amount}},"date":"2026-11-20","evidenceReference":"{{evidence ?? $"R-{Guid.NewGuid():N}"}}"}""";

    public static TheoryData<string, HttpStatusCode, string> BadLines() => new()
    {
        { Line("0"), HttpStatusCode.UnprocessableEntity, "amount" },
        { Line("-150000"), HttpStatusCode.UnprocessableEntity, "amount" },
        { Line("250000001"), HttpStatusCode.UnprocessableEntity, "amount" },
        { Line("1500.5"), HttpStatusCode.BadRequest, "amount" },
        { Line("\"150000\""), HttpStatusCode.BadRequest, "amount" },
        { Line("150000", "\"helicopter\""), HttpStatusCode.BadRequest, "category" },
        { Line("150000"), HttpStatusCode.UnprocessableEntity, "caseId" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Bad_cost_lines_get_problem_details_and_store_nothing(string body, HttpStatusCode status, string field)
    {
        await Costs.EnsureAgreement(stack.ClientFor("agreement-secretariat"));
        var before = await stack.StoredEvents("repatriation_costs");

        using var response = await _kalbar.PostAsync("/api/costs/lines", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents("repatriation_costs"));
    }

    [Theory]
    [InlineData("""{"effectiveFrom":"2030-01-01","rules":[null]}""", "rules[0]")]
    [InlineData("""{"effectiveFrom":"2030-01-01","rules":[{"category":"meals","phase":"before-acceptance","shares":[null]}]}""", "rules[0].shares[0]")]
    public async Task A_null_where_a_sharing_rule_or_share_belongs_is_a_400_and_stores_nothing(string body, string field)
    {
        using var secretariat = stack.ClientFor("agreement-secretariat");
        var before = await stack.StoredEvents("repatriation_costs");

        using var response = await secretariat.PostAsync("/api/costs/agreement/rules", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents("repatriation_costs"));
    }

    [Fact]
    public async Task A_shelter_night_dearer_than_a_whole_line_is_refused()
    {
        await Costs.EnsureAgreement(stack.ClientFor("agreement-secretariat"));
        var interception = await Costs.Intercept(_kalbar, DateTimeOffset.UtcNow.AddDays(-2));
        var worker = interception.GetProperty("people")[0].GetProperty("workerId").GetGuid();

        var refused = await Eventually.Get(async () =>
        {
            using var response = await _kalbar.PostAsync("/api/costs/stays", new StringContent(
                $$"""{"workerId":"{{worker}}","shelter":"Rumah Perlindungan Entikong","openedOn":"2026-11-20","tariff":250000001}""",
                Encoding.UTF8, "application/json"));
            var field = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString();
            return field == "workerId" ? null : $"{(int)response.StatusCode} {field}";
        }, TimeSpan.FromSeconds(30), "the costs service learning of the intercepted worker");

        Assert.Equal("422 tariff", refused);
    }

    [Fact]
    public async Task An_evidence_reference_is_posted_once_per_paying_agency_and_another_agency_may_cite_the_same()
    {
        using var secretariat = stack.ClientFor("agreement-secretariat");
        using var bp3mi = stack.ClientFor("bp3mi-kalbar");
        await Costs.EnsureAgreement(secretariat);
        var person = (await Costs.Intercept(_kalbar, DateTimeOffset.UtcNow.AddDays(-1))).GetProperty("people")[0].GetProperty("workerId").GetGuid();
        var line = Line("80000", caseId: person, evidence: $"KWITANSI-{Guid.NewGuid():N}");

        var first = await Eventually.Get(async () =>
        {
            var response = await _kalbar.PostAsync("/api/costs/lines", new StringContent(line, Encoding.UTF8, "application/json"));
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, TimeSpan.FromSeconds(30), "the costs service learning of the person and taking the first line");
        var before = await stack.StoredEvents("repatriation_costs");
        using var again = await _kalbar.PostAsync("/api/costs/lines", new StringContent(line, Encoding.UTF8, "application/json"));
        var stored = await stack.StoredEvents("repatriation_costs");
        using var byAnother = await bp3mi.PostAsync("/api/costs/lines", new StringContent(line, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(before, stored);
        Assert.Equal(HttpStatusCode.Created, byAnother.StatusCode);
        first.Dispose();
    }

    [Fact]
    public async Task The_costs_API_is_in_the_gateways_OpenAPI_document()
    {
        using var anonymous = new HttpClient { BaseAddress = stack.Gateway.Address };

        var costs = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/costs.json");

        foreach (var path in new[] { "/api/costs/lines", "/api/costs/stays/{id}/bill", "/api/costs/periods/{period}/statements/{party}", "/api/costs/totals" })
            Assert.True(costs.GetProperty("paths").TryGetProperty(path, out _), path);
    }

    public void Dispose() => _kalbar.Dispose();
}
