using System.Net.Http.Headers;
using System.Net.Http.Json;
using Coordination.Gateway;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Coordination.IntegrationTests;

/// <summary>What a service receives from the gateway, seen by a backend that echoes its request headers.</summary>
[Collection(StackCollection.Name)]
public sealed class GatewayHeaderTests(CoordinationStack stack) : IAsyncLifetime
{
    private WebApplication _echo = null!;
    private ServiceApp<GatewayOptions> _gateway = null!;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _echo = builder.Build();
        _echo.MapFallback((HttpRequest request) => request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
        await _echo.StartAsync();

        var settings = new[] { "worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:primary:Address", _ => (string?)$"http://127.0.0.1:{port}/");
        settings["ConnectionStrings:Postgres"] = stack.Postgres;
        _gateway = new ServiceApp<GatewayOptions>(Ports.Free(), settings);
        _gateway.StartServer();
    }

    private async Task<Dictionary<string, string>> HeadersReceivedFor(string path)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-disnakertrans-ntt");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "client.supplied.token");
        client.DefaultRequestHeaders.Add("X-Internal-Agency", "disnakertrans-kalbar");
        client.DefaultRequestHeaders.Add("X-Coordination-Province", "61");
        client.DefaultRequestHeaders.Add("X-Agency-Roles", "pii:read");
        return (await client.GetFromJsonAsync<Dictionary<string, string>>(path))!;
    }

    [Fact]
    public async Task The_service_receives_no_client_credentials_nor_internal_headers()
    {
        var received = await HeadersReceivedFor("/api/registry/workers/some-id");

        Assert.DoesNotContain(received.Keys, h => h.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(received.Keys, h => h.StartsWith("X-Internal-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(received.Keys, h => h.StartsWith("X-Coordination-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(received.Keys, h => h.StartsWith("X-Agency", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("client.supplied.token", received["Authorization"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/registry/workers", "worker-registry")]
    [InlineData("/api/events", "event-log")]
    public async Task The_service_receives_a_short_lived_token_for_itself_in_the_callers_name(string path, string audience)
    {
        var received = await HeadersReceivedFor(path);

        var token = new JsonWebToken(received["Authorization"]["Bearer ".Length..]);
        Assert.Equal([audience], token.Audiences);
        Assert.Equal("coordination-gateway", token.Issuer);
        Assert.Equal("disnakertrans-ntt", token.GetClaim("agency").Value);
        Assert.Equal("53", token.GetClaim("province").Value);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
    }
}
