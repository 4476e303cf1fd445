using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Coordination.IntegrationTests.EventLog;

/// <summary>
/// An integrator's webhook endpoint on a loopback port: it verifies each delivery's signature
/// with an independent Standard Webhooks implementation and answers 500 while told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Endpoint, string WebhookId, string Body, bool Verified, bool Answered)
    {
        public JsonElement CloudEvent => JsonDocument.Parse(Body).RootElement;
    }

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly ConcurrentDictionary<string, bool> _failing = new();

    public ConcurrentQueue<Received> Deliveries { get; } = new();
    public Uri Address { get; }

    private WebhookReceiver(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, new Uri($"http://127.0.0.1:{port}/"));
        app.MapPost("/hooks/{endpoint}", async (string endpoint, HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var verified = receiver._secrets.TryGetValue(endpoint, out var secret) && Verifies(secret, body, request.Headers);
            var fail = receiver._failing.GetValueOrDefault(endpoint);
            receiver.Deliveries.Enqueue(new Received(endpoint, request.Headers["webhook-id"].ToString(), body, verified, !fail));
            return fail ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public Uri Endpoint(string name) => new(Address, $"hooks/{name}");

    public void Trust(string endpoint, string secret) => _secrets[endpoint] = secret;

    public void Fail(string endpoint, bool fail) => _failing[endpoint] = fail;

    private static bool Verifies(string secret, string body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
