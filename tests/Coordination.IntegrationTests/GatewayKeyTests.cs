using System.Net;
using System.Security.Cryptography;
using System.Text;
using Coordination.Gateway;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Coordination.IntegrationTests;

/// <summary>
/// API keys as the gateway keeps them outside Development: hashes only, two valid while a key
/// is rotated, refused once revoked or past their deadline.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class GatewayKeyTests(CoordinationStack stack) : IAsyncLifetime
{
    private const string Old = "old-key-of-the-rotating-integrator-0123456789";
    private const string New = "new-key-of-the-rotating-integrator-9876543210";
    private const string Revoked = "revoked-key-of-the-rotating-integrator-000000";
    private const string Lapsed = "lapsed-key-of-the-rotating-integrator-1111111";

    private WebApplication _backend = null!;
    private ServiceApp<GatewayOptions> _gateway = null!;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _backend = builder.Build();
        _backend.MapFallback(() => "ok");
        await _backend.StartAsync();

        var settings = new[] { "worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:primary:Address", _ => (string?)$"http://127.0.0.1:{port}/");
        settings["ConnectionStrings:Postgres"] = stack.Postgres;
        settings["Gateway:DevelopmentKeys"] = "false";
        const string agency = "Gateway:Agencies:100";
        settings[$"{agency}:Id"] = "integrator-rotating";
        settings[$"{agency}:Kind"] = "integrator";
        settings[$"{agency}:Roles:0"] = "feed:read";
        (string Key, string Extra, string? Value)[] keys =
        [
            (Old, "NotAfter", DateTimeOffset.UtcNow.AddDays(7).ToString("O")), (New, "Revoked", "false"),
            (Revoked, "Revoked", "true"), (Lapsed, "NotAfter", DateTimeOffset.UtcNow.AddDays(-1).ToString("O")),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"{agency}:ApiKeys:{i}:Id"] = $"key-{i}";
            settings[$"{agency}:ApiKeys:{i}:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(keys[i].Key)));
            settings[$"{agency}:ApiKeys:{i}:{keys[i].Extra}"] = keys[i].Value;
        }
        _gateway = new ServiceApp<GatewayOptions>(Ports.Free(), settings);
        _gateway.StartServer();
    }

    private async Task<HttpStatusCode> Call(string key)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await client.GetAsync("/api/events");
        return response.StatusCode;
    }

    [Theory]
    [InlineData(Old)]
    [InlineData(New)]
    public async Task While_a_key_is_rotated_the_old_and_the_new_key_both_work(string key) =>
        Assert.Equal(HttpStatusCode.OK, await Call(key));

    [Theory]
    [InlineData(Revoked)]
    [InlineData(Lapsed)]
    [InlineData("new-key-of-the-rotating-integrator-987654321")]
    [InlineData("dev-integrator-rotating")]
    public async Task A_revoked_lapsed_unknown_or_development_key_is_401(string key) =>
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(key));

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }
}
