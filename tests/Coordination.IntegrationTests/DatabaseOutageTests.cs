using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>
/// A second registry whose only way to the database is a link the test severs: the run's
/// PostgreSQL cannot be stopped under the other tests, and this is its outage all the same.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DatabaseOutageTests(CoordinationStack stack)
{
    private static readonly Agency Ntt = CoordinationStack.NttRegistrar;

    [Fact]
    public async Task While_the_database_is_away_a_write_answers_503_with_Retry_After_stores_nothing_and_the_service_recovers_by_itself()
    {
        await using var link = Severable.To(stack.Postgres);
        await using var registry = stack.StartInstance<WorkerRegistryModule>(link.ConnectionString);
        using var client = stack.DirectClient(registry, Ntt, "worker-registry");
        await Eventually.Get(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(60), "the second registry becoming ready");

        link.Sever();
        var name = $"Selama Padam {Names.Unique()}";
        using var refused = await client.PostAsJsonAsync("/api/registry/workers", Workers.Minimal(name));
        using var notReady = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

        link.Restore();
        // No restart: the same instance answers again once its connections are back.
        await Eventually.Get(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(60), "the registry becoming ready again");
        using var accepted = await client.PostAsJsonAsync("/api/registry/workers", Workers.Minimal($"Setelah Padam {Names.Unique()}"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(0, await Registered(name));
    }

    private async Task<long> Registered(string fullName)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var command = db.CreateCommand("select count(*) from worker_registry.mt_events where type = 'worker_registered' and data->>'fullName' = $1");
        command.Parameters.Add(new() { Value = fullName });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public static class Names
{
    /// <summary>Letters only (names admit no digits), different in every call.</summary>
    public static string Unique() => string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
