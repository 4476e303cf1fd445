using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Coordination.Gateway;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.IntegrationTests;

/// <summary>
/// OpenID Connect bearer tokens at the gateway, signed by a key the test makes and configures
/// as the issuer's (no metadata is fetched), in front of a backend that shows what it receives.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class GatewayOidcTests(CoordinationStack stack) : IAsyncLifetime
{
    private const string Issuer = "https://sso.coordination.test/realms/coordination";
    private const string Audience = "coordination-gateway";
    private readonly RSA _issuerKey = RSA.Create(2048);
    private WebApplication _backend = null!;
    private ServiceApp<GatewayOptions> _gateway = null!;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _backend = builder.Build();
        _backend.MapFallback((HttpRequest request) => request.Headers.Authorization.ToString());
        await _backend.StartAsync();

        var settings = new[] { "worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:primary:Address", _ => (string?)$"http://127.0.0.1:{port}/");
        settings["ConnectionStrings:Postgres"] = stack.Postgres;
        settings["Gateway:Oidc:Issuer"] = Issuer;
        settings["Gateway:Oidc:Audience"] = Audience;
        settings["Gateway:Oidc:AgencyClaim"] = "azp";
        settings["Gateway:Oidc:SigningKeys:0"] = _issuerKey.ExportSubjectPublicKeyInfoPem();
        _gateway = new ServiceApp<GatewayOptions>(Ports.Free(), settings);
        _gateway.StartServer();
    }

    private static string Token(RSA key, string agency = "disnakertrans-kalbar", string issuer = Issuer, string audience = Audience,
        DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("azp", agency), new Claim("sub", "service-account-kalbar")]),
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });

    private async Task<HttpResponseMessage> Call(string token)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/registry/workers");
    }

    [Fact]
    public async Task A_valid_token_acts_as_the_agency_its_claim_names_with_the_agencys_configured_roles()
    {
        using var response = await Call(Token(_issuerKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = new JsonWebToken((await response.Content.ReadAsStringAsync())["Bearer ".Length..]);
        Assert.Equal("coordination-gateway", forwarded.Issuer);
        Assert.Equal("disnakertrans-kalbar", forwarded.GetClaim("agency").Value);
        Assert.Equal("61", forwarded.GetClaim("province").Value);
        Assert.Contains(forwarded.Claims, c => c is { Type: "role", Value: "registry:write" });
    }

    public static TheoryData<string> Refused => ["expired", "another issuer", "another audience", "unknown agency", "another key"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_is_expired_foreign_or_for_no_agency_is_401_problem_details(string what)
    {
        using var other = RSA.Create(2048);
        var token = what switch
        {
            "expired" => Token(_issuerKey, expires: DateTime.UtcNow.AddMinutes(-5)),
            "another issuer" => Token(_issuerKey, issuer: "https://sso.elsewhere.test/realms/coordination"),
            "another audience" => Token(_issuerKey, audience: "another-api"),
            "unknown agency" => Token(_issuerKey, agency: "integrator-nobody"),
            _ => Token(other),
        };

        using var response = await Call(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        _issuerKey.Dispose();
    }
}
