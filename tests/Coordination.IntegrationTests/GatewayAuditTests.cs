using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>The gateway's audit trail: every call, append-only, read by auditors.</summary>
[Collection(StackCollection.Name)]
public class GatewayAuditTests(CoordinationStack stack)
{
    private HttpClient Traced(string? agency, out string trace)
    {
        var id = ActivityTraceId.CreateRandom();
        trace = id.ToHexString();
        return Infrastructure.Traced.Client(stack.Gateway.Address, agency, id);
    }

    /// <summary>The trail's entry for the call made under <paramref name="trace"/>, once written.</summary>
    private async Task<JsonElement> EntryOf(string trace, DateTimeOffset since)
    {
        using var auditor = stack.ClientFor("auditor-demo");
        var found = await Eventually.Get(async () =>
        {
            // Paged by id: other tests' calls may fill many pages meanwhile.
            for (var after = 0L; ;)
            {
                var page = await auditor.GetFromJsonAsync<JsonElement>(
                    $"/api/audit?from={Uri.EscapeDataString(since.ToString("O"))}&after={after}&limit=1000");
                if (page.GetArrayLength() == 0) return null;
                if (page.EnumerateArray().Where(e => e.GetProperty("traceId").GetString() == trace).ToArray() is [var entry]) return new[] { entry };
                after = page[page.GetArrayLength() - 1].GetProperty("id").GetInt64();
            }
        }, TimeSpan.FromSeconds(30), "the call reaching the audit trail");
        return found[0];
    }

    [Fact]
    public async Task A_write_is_recorded_with_its_agency_route_status_trace_and_stream()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var ntt = Traced("disnakertrans-ntt", out var trace);

        using var created = await ntt.Register(Workers.Minimal("Maria Audit"));

        var entry = await EntryOf(trace, since);
        Assert.Equal("disnakertrans-ntt", entry.GetProperty("agency").GetString());
        Assert.Equal("POST", entry.GetProperty("method").GetString());
        Assert.Equal("/api/registry/{**rest}", entry.GetProperty("route").GetString());
        Assert.Equal("/api/registry/workers", entry.GetProperty("path").GetString());
        Assert.Equal(201, entry.GetProperty("status").GetInt32());
        Assert.Equal(created.Headers.Location!.ToString(), entry.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task A_refused_call_is_recorded_too()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var stranger = Traced(null, out var trace);
        stranger.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");

        using var refused = await stranger.GetAsync($"/api/interceptions/{Guid.NewGuid()}/handovers");

        var entry = await EntryOf(trace, since);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("agency").ValueKind);
        Assert.Equal(401, entry.GetProperty("status").GetInt32());
        Assert.StartsWith("/api/interceptions/", entry.GetProperty("stream").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update gateway.audit set status = 200")]
    [InlineData("delete from gateway.audit")]
    [InlineData("truncate gateway.audit")]
    public async Task Nobody_can_change_the_trail_not_even_in_the_database(string change)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var traced = Traced("disnakertrans-ntt", out var trace);
        (await traced.GetAsync("/api/registry/companies")).Dispose();
        await EntryOf(trace, since);
        await using var db = NpgsqlDataSource.Create(stack.Postgres);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.CreateCommand(change).ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task No_route_changes_the_trail(string method)
    {
        using var auditor = stack.ClientFor("auditor-demo");

        using var response = await auditor.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/audit"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    public async Task A_malformed_query_is_400(string query)
    {
        using var auditor = stack.ClientFor("auditor-demo");

        using var response = await auditor.GetAsync($"/api/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
