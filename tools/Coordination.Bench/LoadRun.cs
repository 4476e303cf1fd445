using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Coordination.Bench;

/// <summary>What a write run saw: every answer's latency, the errors by status, the accepted writes.</summary>
public sealed record LoadResult(
    string Name, int Clients, double Seconds, long Writes, IReadOnlyDictionary<string, long> Errors, Percentiles Latency,
    IReadOnlyList<Accepted> Accepted)
{
    public double PerSecond => Writes / Seconds;
}

public static class LoadRun
{
    /// <summary>
    /// <paramref name="clients"/> loops, each one request at a time on its own keep-alive
    /// connection, for <paramref name="seconds"/>. An exception (timeout, refused connection) is an error, not the end.
    /// With a <paramref name="rate"/>, the clients together start that many writes a second at most.
    /// </summary>
    public static async Task<LoadResult> Run(string name, Target target, int runSeed, int clients, int seconds, int? rate = null)
    {
        var workload = new Workload(target, runSeed);
        var latencies = new ConcurrentBag<double[]>();
        var accepted = new ConcurrentQueue<Accepted>();
        var errors = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var started = Stopwatch.GetTimestamp();

        async Task Client(int client)
        {
            var mine = new List<double>();
            // Each client one write per period on average, the clients' turns spread evenly over
            // the period: started together, they sent their writes in bursts of all clients at once.
            var period = rate is { } r ? (long)((double)clients / r * Stopwatch.Frequency) : 0;
            var next = started + period * client / clients;
            for (long n = client; !stop.IsCancellationRequested; n++)
            {
                if (rate is not null)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    next += period * Workload.WritesOf(n);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                }
                try
                {
                    foreach (var answer in await workload.Write(n, CancellationToken.None))
                    {
                        mine.Add(answer.Milliseconds);
                        if (answer.Written is { } w) accepted.Enqueue(w);
                        else errors.AddOrUpdate(((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
                }
            }
            latencies.Add([.. mine]);
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => Client(c))));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(name, clients, elapsed, accepted.Count, errors, Percentiles.Of(all), [.. accepted]);
    }

    public static HttpClient Client(Uri? baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };
}

/// <summary>p50/p95/p99 and the maximum, in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
{
    public static Percentiles Of(double[] values)
    {
        if (values.Length == 0) return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        Array.Sort(values);
        double At(double q) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), values[^1], values.Length);
    }
}
