using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Gateway;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>
/// <c>Idempotency-Key</c> at the gateway, in front of a backend that counts its calls and can
/// hold one in flight or fail it; and once in front of the real registry.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class GatewayIdempotencyTests(CoordinationStack stack) : IAsyncLifetime
{
    private WebApplication _backend = null!;
    private ServiceApp<GatewayOptions> _gateway = null!;
    private int _calls;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _failedOnce;

    public async Task InitializeAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _backend = builder.Build();
        _backend.MapPost("/api/registry/{**rest}", async (string rest, HttpResponse response) =>
        {
            var call = Interlocked.Increment(ref _calls);
            if (rest == "held")
            {
                _held.TrySetResult();
                await _release.Task;
            }
            if (rest == "failing" && !_failedOnce)
            {
                _failedOnce = true;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            response.Headers.ETag = $"\"{call}\"";
            return Results.Created($"/api/registry/things/{call}", new { call });
        });
        await _backend.StartAsync();

        var settings = new[] { "worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log" }
            .ToDictionary(c => $"ReverseProxy:Clusters:{c}:Destinations:primary:Address", _ => (string?)$"http://127.0.0.1:{port}/");
        settings["ConnectionStrings:Postgres"] = stack.Postgres;
        _gateway = new ServiceApp<GatewayOptions>(Ports.Free(), settings);
        _gateway.StartServer();
    }

    private HttpClient Client(string agency = "disnakertrans-ntt")
    {
        var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{agency}");
        return client;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_same_key_and_body_answer_the_first_response_again_without_calling_the_service()
    {
        using var client = Client();
        var key = Guid.NewGuid().ToString();

        using var first = await Post(client, "/api/registry/things", new { name = "a" }, key);
        using var again = await Post(client, "/api/registry/things", new { name = "a" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_reaches_no_service()
    {
        using var client = Client();
        var key = Guid.NewGuid().ToString();
        using var first = await Post(client, "/api/registry/things", new { name = "a" }, key);

        using var other = await Post(client, "/api/registry/things", new { name = "b" }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task A_key_is_the_agencys_own()
    {
        using var ntt = Client("disnakertrans-ntt");
        using var kalbar = Client("disnakertrans-kalbar");
        var key = Guid.NewGuid().ToString();

        using var first = await Post(ntt, "/api/registry/things", new { name = "a" }, key);
        using var theirs = await Post(kalbar, "/api/registry/things", new { name = "a" }, key);

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(first.Headers.Location, theirs.Headers.Location);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_in_flight_is_409_and_then_gets_the_first_answer()
    {
        using var client = Client();
        var key = Guid.NewGuid().ToString();
        var first = Post(client, "/api/registry/held", new { name = "a" }, key);
        await _held.Task;

        using var duplicate = await Post(client, "/api/registry/held", new { name = "a" }, key);
        _release.SetResult();
        using var answered = await first;
        using var later = await Post(client, "/api/registry/held", new { name = "a" }, key);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(answered.Headers.Location, later.Headers.Location);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task A_failed_call_frees_its_key_so_that_the_retry_runs()
    {
        using var client = Client();
        var key = Guid.NewGuid().ToString();

        using var failed = await Post(client, "/api/registry/failing", new { name = "a" }, key);
        using var retried = await Post(client, "/api/registry/failing", new { name = "a" }, key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task An_expired_key_may_be_used_for_a_new_request()
    {
        using var client = Client();
        var key = Guid.NewGuid().ToString();
        using var first = await Post(client, "/api/registry/things", new { name = "a" }, key);
        await using (var db = NpgsqlDataSource.Create(stack.Postgres))
        {
            // As if Gateway:Idempotency:KeyLifetime had passed.
            await using var expire = db.CreateCommand("update gateway.idempotency_keys set expires_at = now() - interval '1 second' where key = $1");
            expire.Parameters.Add(new() { Value = key });
            Assert.Equal(1, await expire.ExecuteNonQueryAsync());
        }

        using var reused = await Post(client, "/api/registry/things", new { name = "b" }, key);

        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.NotEqual(first.Headers.Location, reused.Headers.Location);
        Assert.Equal(2, _calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a key with spaces")]
    public async Task A_malformed_key_is_400(string key)
    {
        using var client = Client();

        using var response = await Post(client, "/api/registry/things", new { name = "a" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task Through_the_real_registry_a_repeated_registration_stores_one_worker()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        var name = $"Maria Idempoten {new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray())}";
        var key = Guid.NewGuid().ToString();

        using var first = await Post(ntt, "/api/registry/workers", Workers.Minimal(name), key);
        using var again = await Post(ntt, "/api/registry/workers", Workers.Minimal(name), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var count = db.CreateCommand("select count(*) from worker_registry.mt_events where data ->> 'fullName' = $1");
        count.Parameters.Add(new() { Value = name });
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }
}
