using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Coordination.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public class AccessTests(CoordinationStack stack)
{
    private static readonly Agency Kalbar = new("disnakertrans-kalbar", "61", ["registry:write"]);

    private string Mint(Agency agency, string audience) =>
        new InternalTokenIssuer(stack.Registry.Services.GetRequiredService<IOptions<InternalTokenOptions>>(), TimeProvider.System)
            .Mint(agency, audience);

    private HttpClient Direct(string? bearer)
    {
        var client = new HttpClient { BaseAddress = stack.Registry.Address };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    [Fact]
    public async Task A_service_called_directly_without_the_internal_token_answers_401_problem_details()
    {
        using var direct = Direct(bearer: null);

        using var response = await direct.PostAsJsonAsync("/api/registry/workers", Workers.Minimal());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_service_refuses_an_internal_token_minted_for_another_service()
    {
        using var direct = Direct(Mint(Kalbar, audience: "event-log"));

        using var response = await direct.GetAsync($"/api/registry/workers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_service_refuses_a_token_signed_with_another_key()
    {
        var forged = new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = new string('x', 64) }),
            TimeProvider.System).Mint(Kalbar, "worker-registry");
        using var direct = Direct(forged);

        using var response = await direct.GetAsync($"/api/registry/workers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task A_service_refuses_an_internal_token_outside_its_lifetime(int minutesFromNow)
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(minutesFromNow));
        var token = new InternalTokenIssuer(stack.Registry.Services.GetRequiredService<IOptions<InternalTokenOptions>>(), clock)
            .Mint(Kalbar, "worker-registry");
        using var direct = Direct(token);

        using var response = await direct.GetAsync($"/api/registry/workers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_service_accepts_a_valid_internal_token_for_itself()
    {
        using var direct = Direct(Mint(Kalbar, "worker-registry"));

        using var response = await direct.GetAsync($"/api/registry/workers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("dev-no-such-agency")]
    public async Task The_gateway_answers_a_missing_or_unknown_key_with_401_problem_details(string? key)
    {
        using var client = new HttpClient { BaseAddress = stack.Gateway.Address };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await client.PostAsJsonAsync("/api/registry/workers", Workers.Minimal());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_replaces_a_client_supplied_bearer_token_with_its_own()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        // A token a client could only have by theft: valid for the registry, in Kalbar's name.
        ntt.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Mint(Kalbar, "worker-registry"));
        ntt.DefaultRequestHeaders.Add("X-Internal-Agency", "disnakertrans-kalbar");

        using var created = await ntt.Register(Workers.Minimal());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subject = Workers.SubjectOf(created);
        var logged = await Eventually.Get(
            async () => await stack.LoggedEvents(ntt, new HashSet<string> { subject }) is [_] found ? found : null,
            TimeSpan.FromSeconds(30), "the registration reaching the log");

        Assert.Equal("disnakertrans-ntt", logged[0].GetProperty("data").GetProperty("registeredBy").GetString());
    }

    [Fact]
    public async Task Health_and_OpenAPI_are_open_through_the_gateway()
    {
        using var anonymous = new HttpClient { BaseAddress = stack.Gateway.Address };

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        var registry = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/registry.json");
        Assert.True(registry.GetProperty("paths").TryGetProperty("/api/registry/workers", out _));
        var whole = await anonymous.GetFromJsonAsync<JsonElement>("/openapi.json");
        Assert.True(whole.GetProperty("paths").TryGetProperty("/api/registry/workers", out _));
        Assert.True(whole.GetProperty("paths").TryGetProperty("/api/events", out _));
        Assert.Empty(whole.GetProperty("x-unavailable-services").EnumerateArray());
    }
}
