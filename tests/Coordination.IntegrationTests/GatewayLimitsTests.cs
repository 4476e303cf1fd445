using System.Net;
using System.Net.Sockets;
using System.Text;
using Coordination.Gateway;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Coordination.IntegrationTests;

/// <summary>Rate limits, the body bound and Kestrel's timeouts, at a gateway with small ones.</summary>
[Collection(StackCollection.Name)]
public sealed class GatewayLimitsTests(CoordinationStack stack) : IAsyncLifetime
{
    private WebApplication _backend = null!;
    private ServiceApp<GatewayOptions> _gateway = null!;
    private int _calls;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _backend = builder.Build();
        _backend.MapFallback(() => Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _backend.StartAsync();

        var settings = new[] { "worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:primary:Address", _ => (string?)$"http://127.0.0.1:{port}/");
        settings["ConnectionStrings:Postgres"] = stack.Postgres;
        // Integrators: two calls, then one an hour.
        settings["Gateway:Limits:RateLimits:integrator:Burst"] = "2";
        settings["Gateway:Limits:RateLimits:integrator:Refill"] = "1";
        settings["Gateway:Limits:RateLimits:integrator:Period"] = "01:00:00";
        settings["Gateway:Limits:MaxRequestBodyBytes"] = "10000";
        settings["Gateway:Limits:RequestHeadersTimeout"] = "00:00:01";
        _gateway = new ServiceApp<GatewayOptions>(Ports.Free(), settings);
        _gateway.StartServer();
    }

    private HttpClient Client(string agency)
    {
        var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{agency}");
        return client;
    }

    [Fact]
    public async Task An_agency_past_its_kinds_limit_gets_429_with_Retry_After_and_others_do_not()
    {
        using var integrator = Client("integrator-demo");
        using var province = Client("disnakertrans-ntt");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await integrator.GetAsync("/api/events"));
        using var other = await province.GetAsync("/api/events");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var refused = answers[2];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(3, _calls);
        answers.ForEach(a => a.Dispose());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_bound_is_413_problem_details_and_reaches_no_service(bool chunked)
    {
        using var client = Client("disnakertrans-ntt");
        var body = new string('x', 20000);
        using var content = new StringContent($"{{\"fullName\":\"{body}\"}}", Encoding.UTF8, "application/json");
        if (chunked) content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/workers") { Content = content };
        if (chunked) request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_disconnected()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, _gateway.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/events HTTP/1.1\r\nHost: gateway\r\nX-Api-Key: dev-disnakertrans-ntt\r\n"));

        // Kestrel ends the connection (perhaps with a 408) once RequestHeadersTimeout has passed.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new StringBuilder();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, patience.Token)) > 0) received.Append(Encoding.ASCII.GetString(buffer, 0, read));

        Assert.True(received.Length == 0 || received.ToString().StartsWith("HTTP/1.1 408", StringComparison.Ordinal), received.ToString());
        Assert.Equal(0, _calls);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }
}
