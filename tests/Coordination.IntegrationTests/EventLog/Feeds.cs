using System.Net.ServerSentEvents;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests.EventLog;

/// <summary>Reading the shared log as an integrator's independent client would.</summary>
public static class Feeds
{
    /// <summary>The position of the one entry with <paramref name="subject"/>, once it is logged (read from the log's table).</summary>
    public static async Task<long> Logged(CoordinationStack stack, string subject)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        return (long)await Eventually.Get(async () =>
        {
            await using var select = db.CreateCommand("select position from event_log.entries where subject = $1");
            select.Parameters.Add(new() { Value = subject });
            return await select.ExecuteScalarAsync();
        }, TimeSpan.FromSeconds(30), $"{subject} reaching the log");
    }

    /// <summary>Opens the live stream; the caller reads it with <see cref="Events"/> and disposes it to disconnect.</summary>
    public static async Task<HttpResponseMessage> OpenStream(HttpClient client, string query, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events/stream" + query);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>The stream's events, parsed with the runtime's own SSE parser.</summary>
    public static async IAsyncEnumerable<(long Position, JsonElement CloudEvent)> Events(HttpResponseMessage stream,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var body = await stream.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
            yield return (long.Parse(item.EventId!, System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(item.Data).RootElement.Clone());
    }

    /// <summary>Bounds a read of a live source: a stuck test fails instead of hanging.</summary>
    public static CancellationToken Within(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
