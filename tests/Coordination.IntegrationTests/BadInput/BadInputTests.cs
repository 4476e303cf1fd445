using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests.BadInput;

/// <summary>
/// The bad-input corpus (<c>BadInput/*.json</c>) sent through the gateway: every answer is a
/// 4xx problem+json without a stack trace, a 400 names the spoiled field, and no store holds
/// an event written by any of these calls.
/// </summary>
/// <remarks>
/// Each call carries a <c>traceparent</c> of its own; the write path stores the trace with every
/// event it appends, so an event written by a corpus call is found by its trace id. Counting all
/// events before and after would also count what other tests' consequences (relayed messages,
/// handover deadlines) write meanwhile in the shared stack.
/// </remarks>
[Collection(StackCollection.Name)]
public class BadInputTests(CoordinationStack stack)
{
    private static readonly string[] Stores = ["worker_registry", "interceptions", "repatriation_costs", "deceased_returns"];

    [Fact]
    public async Task Every_bad_call_is_refused_with_a_problem_and_stores_nothing()
    {
        var setupTrace = ActivityTraceId.CreateRandom();
        var ids = await CreateRecords(setupTrace);
        // The detection itself works: the records just created are found by their trace.
        Assert.NotEmpty(await EventsWrittenBy([setupTrace.ToHexString()]));
        var webhooksBefore = await Count("event_log.webhooks");

        var calls = BadInputCorpus.Calls(ids);
        var traces = new ConcurrentDictionary<string, BadCall>();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (call, ct) =>
        {
            var trace = ActivityTraceId.CreateRandom();
            traces[trace.ToHexString()] = call;
            if (await Send(call, trace, ct) is { } failure) failures.Add($"{call.Label}: {failure}");
        });

        var written = await EventsWrittenBy(traces.Keys);
        foreach (var (trace, type) in written) failures.Add($"{traces[trace].Label}: stored {type}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls.Count} calls:\n" + string.Join('\n', failures.Order()));
        Assert.Equal(webhooksBefore, await Count("event_log.webhooks"));
    }

    private async Task<string?> Send(BadCall call, ActivityTraceId trace, CancellationToken ct)
    {
        using var client = Client(call.Agency, trace);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Body is not null)
            request.Content = new StringContent(call.Body, Encoding.UTF8, call.ContentType ?? "application/json");
        using var response = await client.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (status is < 400 or >= 500) return $"{status} {Shorten(text)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(text)}";
        if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
            return $"{status} with a stack trace: {Shorten(text)}";
        if (status == 400 && call.Field is { } spoiled)
        {
            var named = JsonDocument.Parse(text).RootElement.TryGetProperty("field", out var f) ? f.GetString() : null;
            if (named is null || !Names(named, spoiled))
                return $"400 names {named ?? "no field"}, not {spoiled}: {Shorten(text)}";
        }
        return null;
    }

    private HttpClient Client(string agency, ActivityTraceId trace) => Traced.Client(stack.Gateway.Address, agency, trace);

    /// <summary>The records the corpus's paths name: a worker, a company, an interception, a death report.</summary>
    private async Task<Dictionary<string, string>> CreateRecords(ActivityTraceId trace)
    {
        using var ntt = Client("disnakertrans-ntt", trace);
        using var kalbar = Client("disnakertrans-kalbar", trace);
        using var bp3mi = Client("bp3mi-ntt", trace);
        var worker = await ntt.RegisterId(Workers.Minimal("Maria Korpus"));
        var company = await ntt.RegisterCompany($"KORPUS-{Guid.NewGuid():N}"[..20]);
        var interception = (await Costs.Intercept(kalbar, DateTimeOffset.UtcNow.AddHours(-1))).GetProperty("id").GetString()!;
        var @case = await bp3mi.ReportCase(Returns.Report(new { fullName = "Yosef Korpus", sex = "male", birthDate = "1990-01-02", originRegion = "53.01.06" }));
        return new()
        {
            ["worker"] = worker.ToString(), ["company"] = company.ToString(), ["interception"] = interception,
            ["case"] = @case.Split('/')[^1],
        };
    }

    /// <summary>(trace id, event type) of every stored event appended under one of <paramref name="traces"/>.</summary>
    private async Task<List<(string Trace, string Type)>> EventsWrittenBy(IEnumerable<string> traces)
    {
        var wanted = traces.ToArray();
        var found = new List<(string, string)>();
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        foreach (var schema in Stores)
        {
            await using var command = db.CreateCommand(
                $"select substr(headers ->> 'traceparent', 4, 32), type from {schema}.mt_events where substr(headers ->> 'traceparent', 4, 32) = any($1)");
            command.Parameters.Add(new() { Value = wanted });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found.Add((reader.GetString(0), $"{schema}.{reader.GetString(1)}"));
        }
        return found;
    }

    private async Task<long> Count(string table)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        return (long)(await db.CreateCommand($"select count(*) from {table}").ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Whether a 400 naming <paramref name="named"/> is about <paramref name="spoiled"/>: the field itself,
    /// one inside it, the list or object holding it, or a sibling it makes required (a missing
    /// <c>deceased.fullName</c> makes the body a reference, and <c>deceased.workerId</c> the field).
    /// </summary>
    private static bool Names(string named, string spoiled) =>
        named.StartsWith(spoiled, StringComparison.Ordinal) || spoiled.StartsWith(named, StringComparison.Ordinal)
        || (spoiled.LastIndexOf('.') is > 0 and var dot && named.StartsWith(spoiled[..(dot + 1)], StringComparison.Ordinal));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
