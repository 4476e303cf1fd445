using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Coordination.Bench;

/// <summary>
/// Follows the shared log as an integrator, from its end when started, and notes when each entry
/// (subject and sequence) first became readable; finds the log's end and reads it whole through
/// the paged feed.
/// </summary>
public sealed class LogFollower(HttpClient gateway)
{
    private readonly ConcurrentDictionary<string, long> _seen = new();
    private long _after;

    public static string Key(string subject, string sequence) => $"{subject}#{sequence}";

    /// <summary>The position after the last entry now in the log, so that following starts there.</summary>
    public async Task SkipToEnd(CancellationToken ct)
    {
        // Positions only grow, so whether anything follows a position is monotonic in it: the end
        // is found with one-entry pages, doubling and then halving, instead of reading the whole
        // log (hundreds of thousands of entries after a few runs) before every phase.
        if (await AnyAfter(_after, ct))
        {
            long low = _after, high = Math.Max(1024, 2 * _after);
            while (await AnyAfter(high, ct)) (low, high) = (high, 2 * high);
            while (high - low > 1)
            {
                var middle = low + (high - low) / 2;
                if (await AnyAfter(middle, ct)) low = middle;
                else high = middle;
            }
            _after = high;
        }
        while (await Page(ct) > 0) { }
    }

    private async Task<bool> AnyAfter(long position, CancellationToken ct) => (await Read(position, 1, ct)).Entries > 0;

    /// <summary>
    /// Follows the log live through its Server-Sent Events stream (<c>/api/events/stream</c>), as an
    /// integrator that wants each entry as it is appended would. Not by polling the paged feed: to
    /// see entries within milliseconds it asked for a page every 5 ms, and at 100 writes/s those
    /// mostly empty pages (the gateway, the log and PostgreSQL answering ~150 a second) cost the
    /// stack more CPU than the writes did.
    /// </summary>
    public async Task Follow(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await gateway.GetAsync($"/api/events/stream?after={_after}", HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
                long? id = null;
                while (await lines.ReadLineAsync(ct) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
                    if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                    var at = Stopwatch.GetTimestamp();
                    using (var entry = JsonDocument.Parse(line.AsMemory(6)))
                        _seen.TryAdd(Key(entry.RootElement.GetProperty("subject").GetString()!, entry.RootElement.GetProperty("sequence").GetString()!), at);
                    // Only an entry received whole moves the resume point.
                    if (id is { } received) _after = received;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // The stream broke: it resumes after the last entry received.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Follows until every accepted write is in the log or <paramref name="drain"/> passes after the
    /// load ended; then the delay of each from its answer to its entry, and how many never arrived.
    /// </summary>
    public async Task<(Percentiles Delay, int Missing)> DelaysOf(IReadOnlyList<Accepted> accepted, TimeSpan drain, Task following,
        CancellationTokenSource stop)
    {
        var until = Stopwatch.GetTimestamp() + (long)(drain.TotalSeconds * Stopwatch.Frequency);
        while (accepted.Any(a => !_seen.ContainsKey(Key(a.Subject, a.Sequence))) && Stopwatch.GetTimestamp() < until)
            await Task.Delay(100);
        await stop.CancelAsync();
        await following;
        var delays = new List<double>();
        var missing = 0;
        foreach (var a in accepted)
            if (_seen.TryGetValue(Key(a.Subject, a.Sequence), out var at)) delays.Add(Math.Max(0, Stopwatch.GetElapsedTime(a.AnsweredAt, at).TotalMilliseconds));
            else missing++;
        return (Percentiles.Of([.. delays]), missing);
    }

    /// <returns>the entries of the next page of the feed, after which the follower then stands.</returns>
    private async Task<int> Page(CancellationToken ct)
    {
        var (entries, next) = await Read(_after, 1000, ct);
        _after = next;
        return entries;
    }

    /// <returns>the entries of the feed's page after <paramref name="after"/>, and where the next page starts.</returns>
    private async Task<(int Entries, long Next)> Read(long after, int limit, CancellationToken ct)
    {
        using var response = await gateway.GetAsync($"/api/events?after={after}&limit={limit}", ct);
        response.EnsureSuccessStatusCode();
        using var page = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return (page.RootElement.GetArrayLength(), NextAfter(response));
    }

    /// <summary>
    /// Waits until the log's end has not moved for <paramref name="quiet"/> (at most
    /// <paramref name="within"/>), so that the next phase does not share the machine with the last one's backlog.
    /// </summary>
    public async Task<TimeSpan> WaitUntilQuiet(TimeSpan quiet, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        await SkipToEnd(CancellationToken.None);
        var still = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(still) < quiet && Stopwatch.GetElapsedTime(started) < within)
        {
            if (await Page(CancellationToken.None) > 0) still = Stopwatch.GetTimestamp();
            else await Task.Delay(250);
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Reads the whole log from the start, as an integrator replaying it would: pages of the
    /// largest size the feed serves, and the next page asked for as soon as this one's
    /// <c>Link</c> header has arrived, while its body is still being read and parsed (the header
    /// comes before the body, so any client of the documented API can do the same).
    /// </summary>
    /// <returns>entries, and entries per second.</returns>
    public static async Task<(long Entries, double PerSecond)> ReadThrough(HttpClient gateway, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        long entries = 0, asked = 0;
        var next = ReplayPage(gateway, asked, ct);
        while (next is not null)
        {
            using var response = await next;
            response.EnsureSuccessStatusCode();
            var after = NextAfter(response);
            // A page that names its own start as the next one is empty: the log's end.
            next = after == asked ? null : ReplayPage(gateway, asked = after, ct);
            using var page = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            entries += page.RootElement.GetArrayLength();
        }
        return (entries, entries / Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static Task<HttpResponseMessage> ReplayPage(HttpClient gateway, long after, CancellationToken ct) =>
        gateway.GetAsync($"/api/events?after={after}&limit={ReplayLimit}", HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>The feed's largest page (FeedEndpoints.MaxLimit).</summary>
    public const int ReplayLimit = 5000;

    private static long NextAfter(HttpResponseMessage response)
    {
        var link = response.Headers.GetValues("Link").First();
        var from = link.IndexOf("after=", StringComparison.Ordinal) + "after=".Length;
        var end = link.IndexOfAny(['&', '>'], from);
        return long.Parse(link.AsSpan(from, end - from), CultureInfo.InvariantCulture);
    }
}
