using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class PlacementCompanyTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _bp3mi = stack.ClientFor("bp3mi-ntt");

    [Fact]
    public async Task The_licence_endpoint_tells_whether_a_company_may_recruit_on_a_date_before_and_after_a_suspension()
    {
        var id = await _bp3mi.RegisterCompany($"SUSPEND-{Guid.NewGuid():N}");

        using var suspended = await _bp3mi.PostAsJsonAsync($"/api/registry/companies/{id}/licence/suspend",
            new { effectiveOn = "2026-03-01", reason = "recruited without job orders" });
        using var again = await _bp3mi.PostAsJsonAsync($"/api/registry/companies/{id}/licence/suspend",
            new { effectiveOn = "2026-04-01", reason = "again" });

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(await MayRecruit(id, "2026-02-28"));
        Assert.False(await MayRecruit(id, "2026-03-01"));
        var company = await _bp3mi.GetFromJsonAsync<JsonElement>($"/api/registry/companies/{id}");
        Assert.Equal("suspended", company.GetProperty("licenceStatus").GetString());
        Assert.True(company.GetProperty("kupangRepresentativeOffice").GetBoolean());
    }

    [Fact]
    public async Task A_licence_number_already_registered_answers_409_with_the_existing_company()
    {
        var number = $"DUP-{Guid.NewGuid():N}";
        var id = await _bp3mi.RegisterCompany(number);

        using var response = await _bp3mi.PostAsJsonAsync("/api/registry/companies", new
        {
            name = "PT Lain (fiktif)", licenceNumber = number.ToLowerInvariant(), licenceValidFrom = "2021-01-01",
            licenceValidUntil = "2031-01-01", headOfficeRegion = "53.71", headOfficeAddress = "Kupang",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"/api/registry/companies/{id}", response.Headers.Location?.ToString());
        var found = await _bp3mi.GetFromJsonAsync<JsonElement>($"/api/registry/companies?licenceNumber={number}");
        Assert.Equal(id, Assert.Single(found.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("""{"name":"PT A","licenceNumber":"X-1","licenceValidFrom":"2020-01-01","licenceValidUntil":"2019-01-01","headOfficeRegion":"31","headOfficeAddress":"Jakarta"}""", HttpStatusCode.UnprocessableEntity, "licenceValidUntil")]
    [InlineData("""{"name":"PT A","licenceNumber":"X-2","licenceValidFrom":"2020-01-01","licenceValidUntil":"2029-01-01","headOfficeRegion":"99","headOfficeAddress":"Jakarta"}""", HttpStatusCode.UnprocessableEntity, "headOfficeRegion")]
    [InlineData("""{"name":"","licenceNumber":"X-3","licenceValidFrom":"2020-01-01","licenceValidUntil":"2029-01-01","headOfficeRegion":"31","headOfficeAddress":"Jakarta"}""", HttpStatusCode.BadRequest, "name")]
    [InlineData("""{"name":"PT A","licenceNumber":"X-4","licenceValidFrom":"2020-01-01","licenceValidUntil":"2029-01-01","headOfficeRegion":"31","headOfficeAddress":"Jakarta","kupangRepresentativeOffice":"yes"}""", HttpStatusCode.BadRequest, "kupangRepresentativeOffice")]
    public async Task Bad_company_input_is_problem_details_naming_the_field_and_stores_nothing(string body, HttpStatusCode status, string field)
    {
        var before = await stack.StoredEvents();

        using var response = await _bp3mi.PostAsync("/api/registry/companies", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents());
    }

    [Fact]
    public async Task An_integrator_may_ask_about_a_licence_but_not_register_a_company()
    {
        var id = await _bp3mi.RegisterCompany($"READ-{Guid.NewGuid():N}");
        using var integrator = stack.ClientFor("integrator-demo");

        using var licence = await integrator.GetAsync($"/api/registry/companies/{id}/licence?on=2025-01-01");
        using var register = await integrator.PostAsJsonAsync("/api/registry/companies", new { name = "PT X" });

        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
    }

    private async Task<bool> MayRecruit(Guid id, string day) =>
        (await _bp3mi.GetFromJsonAsync<JsonElement>($"/api/registry/companies/{id}/licence?on={day}")).GetProperty("mayRecruit").GetBoolean();

    public void Dispose() => _bp3mi.Dispose();
}
