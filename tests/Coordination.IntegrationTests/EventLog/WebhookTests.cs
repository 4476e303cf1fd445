using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.EventLog;

[Collection(StackCollection.Name)]
public class WebhookTests(CoordinationStack stack)
{
    [Fact]
    public async Task A_delivery_is_signed_retried_with_backoff_listed_when_it_failed_and_delivered_when_replayed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        var hook = await Register(ntt, receiver, "flaky", new { types = new[] { "coordination.worker-registry.worker-registered.v1" }, provinces = new[] { "53" } });
        receiver.Fail("flaky", true);

        var id = await ntt.RegisterId(Workers.Minimal("Webhook Fiktif"));
        var subject = $"worker/{id}";
        var failed = await Eventually.Get(async () => (await ntt.GetFromJsonAsync<JsonElement>($"{hook}/deliveries?status=failed"))
                .EnumerateArray().FirstOrDefault(d => d.GetProperty("attempts").GetInt32() == 3 && IsAbout(receiver, d, subject)) is
            { ValueKind: JsonValueKind.Object } d ? (object)d : null, TimeSpan.FromSeconds(30), "the delivery failing for good");
        var delivery = ((JsonElement)failed).GetProperty("id").GetString()!;

        var attempts = receiver.Deliveries.Where(r => r.WebhookId == delivery).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.Verified, "the receiver could not verify the signature"));
        Assert.Equal("HTTP 500", ((JsonElement)failed).GetProperty("lastError").GetString());

        receiver.Fail("flaky", false);
        using var replay = await ntt.PostAsync($"{hook}/deliveries/{delivery}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.Get(async () => (await ntt.GetFromJsonAsync<JsonElement>($"{hook}/deliveries?status=delivered"))
            .EnumerateArray().Any(d => d.GetProperty("id").GetString() == delivery) ? "delivered" : null,
            TimeSpan.FromSeconds(30), "the replayed delivery arriving");

        var answered = Assert.Single(receiver.Deliveries, r => r.WebhookId == delivery && r.Answered);
        Assert.True(answered.Verified);
        Assert.Equal(subject, answered.CloudEvent.GetProperty("subject").GetString());
        Assert.Equal("disnakertrans-ntt", (await ntt.GetFromJsonAsync<JsonElement>($"{hook}/deliveries?status=delivered"))
            .EnumerateArray().Single(d => d.GetProperty("id").GetString() == delivery).GetProperty("replayedBy").GetString());
        using var again = await ntt.PostAsync($"{hook}/deliveries/{delivery}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ntt.DeleteAsync(hook)).StatusCode);
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_replay_an_endpoint_it_did_not_register()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var kalbar = stack.ClientFor("disnakertrans-kalbar");
        var hook = await Register(ntt, receiver, "private", new { });

        using var deliveries = await kalbar.GetAsync($"{hook}/deliveries");
        using var replay = await kalbar.PostAsync($"{hook}/deliveries/{Guid.NewGuid()}/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, deliveries.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kalbar.DeleteAsync(hook)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ntt.DeleteAsync(hook)).StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.org/x"}""", HttpStatusCode.BadRequest, "url")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","types":["nonsense"]}""", HttpStatusCode.BadRequest, "type")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","provinces":["11"]}""", HttpStatusCode.Forbidden, "province")]
    public async Task A_registration_outside_the_rules_is_refused_naming_the_field(string body, HttpStatusCode status, string field)
    {
        using var integrator = stack.ClientFor("integrator-demo");

        using var response = await integrator.PostAsync("/api/events/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    /// <summary>Registers an endpoint of <paramref name="receiver"/>; answers the webhook's location.</summary>
    public static async Task<string> Register(HttpClient client, WebhookReceiver receiver, string endpoint, object filters)
    {
        var body = JsonSerializer.SerializeToNode(filters)!.AsObject();
        body["url"] = receiver.Endpoint(endpoint).ToString();
        using var created = await client.PostAsJsonAsync("/api/events/webhooks", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        receiver.Trust(endpoint, secret);
        return created.Headers.Location!.ToString();
    }

    private static bool IsAbout(WebhookReceiver receiver, JsonElement delivery, string subject) =>
        receiver.Deliveries.Any(r => r.WebhookId == delivery.GetProperty("id").GetString()
            && r.CloudEvent.GetProperty("subject").GetString() == subject);
}
