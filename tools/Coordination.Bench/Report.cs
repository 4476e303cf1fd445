using System.Globalization;
using System.Text.Json;

namespace Coordination.Bench;

/// <summary>One run's figures: printed as a table with the targets, and kept as JSON under the output folder.</summary>
public sealed class Report(BenchOptions options)
{
    private readonly List<(LoadResult Load, (Percentiles Delay, int Missing)? Log)> _runs = [];

    public double RawMarten { get; set; } = double.NaN;
    public double RawMartenTuned { get; set; } = double.NaN;
    public double RawInsert { get; set; }
    public RebuildResult Rebuild { get; set; }
    public (long Entries, double PerSecond) Feed { get; set; }
    public IReadOnlyList<Memory.Process> Memory { get; set; } = [];

    public void Add((LoadResult, (Percentiles, int)?) run) => _runs.Add(run);

    /// <summary>CPU milliseconds per accepted write of each run, each process (<see cref="Cpu"/>).</summary>
    private readonly Dictionary<string, IReadOnlyDictionary<string, double>> _cpu = [];

    public void AddCpu(string run, IReadOnlyDictionary<string, double> perWrite) => _cpu[run] = perWrite;

    /// <summary>PostgreSQL's part of <see cref="_cpu"/>, by the application its backends serve.</summary>
    private readonly Dictionary<string, IReadOnlyDictionary<string, double>> _postgresCpu = [];

    public void AddPostgresCpu(string run, IReadOnlyDictionary<string, double> perWrite) => _postgresCpu[run] = perWrite;

    private LoadResult Run(string name) => _runs.Single(r => r.Load.Name == name).Load;

    public static string PacedRun(int rate) => $"gateway at {rate}/s";

    /// <summary>The targets the phases that ran can tell.</summary>
    private IEnumerable<(string Target, string Measured, bool Met)> Targets()
    {
        if (options.Runs("load") && options.Runs("raw"))
        {
            var gateway = Run("gateway");
            yield return ("whole stack ≥ raw Marten (ratio ≥ 1.0)", F(gateway.PerSecond / RawMarten, "0.00"), gateway.PerSecond >= RawMarten);
        }
        if (options.Runs("load"))
        {
            var paced = _runs.Single(r => r.Load.Name == PacedRun(options.Rate));
            var cost = 1 - Run("gateway").PerSecond / Run("direct").PerSecond;
            // The latency targets are for 500 writes/s: at another rate the figures are shown, not judged.
            if (options.Rate == BenchOptions.TargetRate)
            {
                yield return ("p99 answer ≤ 25 ms at 500 writes/s", F(paced.Load.Latency.P99) + " ms", paced.Load.Latency.P99 <= 25);
                yield return ("p99 answer → readable in the log ≤ 100 ms", F(paced.Log!.Value.Delay.P99) + " ms", paced.Log.Value.Delay.P99 <= 100);
            }
            yield return ("gateway cost ≤ 10%", F(cost * 100) + " %", cost <= 0.10);
        }
        if (options.Runs("rebuild"))
            yield return ("projection rebuild ≥ 80,000 events/s", F(Rebuild.PerSecond), Rebuild.PerSecond >= 80_000);
        if (options.Runs("feed"))
            yield return ("feed read-through ≥ 50,000 events/s", F(Feed.PerSecond), Feed.PerSecond >= 50_000);
        foreach (var p in Memory.Where(p => p.Name is not ("rabbitmq")))
            yield return ($"{p.Name} < 250 MB resident", $"{p.PeakMb} MB peak", p.PeakMb < 250);
    }

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"{"run",-18} {"clients",7} {"writes",8} {"per s",8} {"× raw",6} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"errors",7} {"log p50",8} {"log p99",8} {"unseen",6}");
        foreach (var (load, log) in _runs)
            o.WriteLine($"{load.Name,-18} {load.Clients,7} {load.Writes,8} {F(load.PerSecond),8} {F(load.PerSecond / RawMarten, "0.00"),6} " +
                        $"{F(load.Latency.P50),7} {F(load.Latency.P95),7} {F(load.Latency.P99),7} {load.Errors.Values.Sum(),7} " +
                        $"{(log is { } l ? F(l.Delay.P50) : "-"),8} {(log is { } m ? F(m.Delay.P99) : "-"),8} {(log is { } n ? n.Missing.ToString(CultureInfo.InvariantCulture) : "-"),6}");
        foreach (var (load, _) in _runs.Where(r => r.Load.Errors.Count > 0))
            o.WriteLine($"  {load.Name} errors: {string.Join(", ", load.Errors.Select(e => $"{e.Key} ×{e.Value}"))}");
        o.WriteLine("  (log p50/p99: from the answer to the entry arriving on the log's live stream, /api/events/stream; unseen: accepted writes not in the log within 30 s of the load's end)");
        PerWrite(o, "CPU ms per write", _cpu,
            "each process's CPU from the run's start until the log was quiet again, over the run's accepted writes");
        PerWrite(o, "postgres ms by app", _postgresCpu,
            "PostgreSQL's CPU above by the application its backends serve; other: PostgreSQL's own processes, autovacuum's workers above all, unnamed connections and backends that ended during the run");
        if (options.Runs("raw"))
        {
            o.WriteLine($"{"raw Marten",-18} {options.RawSessions,7} sessions, one event per save: {F(RawMarten)} events/s");
            o.WriteLine($"{"  tuned",-18} {"",7} the same with the services' connection settings: {F(RawMartenTuned)} events/s");
            o.WriteLine($"{"raw INSERT",-18} {options.RawSessions,7} connections, one row per transaction: {F(RawInsert)} rows/s");
        }
        if (options.Runs("rebuild"))
            o.WriteLine($"projection rebuild: {Rebuild.Events:N0} events, {F(Rebuild.PerSecond)} events/s (the process's first: {F(Rebuild.FirstPerSecond)})" +
                        (Rebuild.StoreSeconds > 0 ? $" (storing them took {F(Rebuild.StoreSeconds)} s)" : ""));
        if (options.Runs("feed")) o.WriteLine($"feed read-through: {Feed.Entries:N0} entries, {F(Feed.PerSecond)} entries/s");
        foreach (var p in Memory) o.WriteLine($"memory {p.Name,-20} peak {p.PeakMb,5} MB, now {p.NowMb,5} MB (pid {p.Pid})");
        o.WriteLine();
        o.WriteLine("targets:");
        foreach (var (target, measured, met) in Targets()) o.WriteLine($"  {(met ? "met   " : "MISSED")} {target,-45} {measured}");
    }

    /// <summary>A table of milliseconds per write, a row a run and a column a process (the sum, "all", last).</summary>
    private static void PerWrite(TextWriter o, string title, Dictionary<string, IReadOnlyDictionary<string, double>> runs, string legend)
    {
        if (runs.Count == 0) return;
        var processes = runs.Values.SelectMany(c => c.Keys).Distinct().OrderBy(k => k == "all").ThenBy(k => k, StringComparer.Ordinal).ToList();
        o.WriteLine($"{title,-18} " + string.Join(" ", processes));
        foreach (var (run, perWrite) in runs)
            o.WriteLine($"{run,-18} " + string.Join(" ", processes.Select(p =>
                (perWrite.TryGetValue(p, out var ms) ? F(ms, "0.00") : "-").PadLeft(p.Length))));
        o.WriteLine($"  ({legend})");
    }

    /// <returns>the file written.</returns>
    public string Save()
    {
        Directory.CreateDirectory(options.OutputFolder);
        var file = Path.Combine(options.OutputFolder, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        var figures = new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
            options = new { options.Clients, options.Seconds, options.RawSessions, options.RebuildEvents },
            runs = _runs.Select(r => new
            {
                r.Load.Name, r.Load.Clients, r.Load.Seconds, r.Load.Writes, r.Load.PerSecond, ratioToRawMarten = r.Load.PerSecond / RawMarten,
                r.Load.Latency, r.Load.Errors, logDelay = r.Log?.Delay, logMissing = r.Log?.Missing,
            }),
            cpuMillisecondsPerWrite = _cpu,
            postgresCpuMillisecondsPerWriteByApplication = _postgresCpu,
            rawMartenEventsPerSecond = RawMarten,
            rawMartenTunedEventsPerSecond = RawMartenTuned,
            rawInsertRowsPerSecond = RawInsert,
            rebuild = new { Rebuild.Events, Rebuild.PerSecond, Rebuild.FirstPerSecond },
            feed = new { Feed.Entries, Feed.PerSecond },
            memory = Memory,
            targets = Targets().Select(t => new { t.Target, t.Measured, t.Met }),
        };
        // A run whose log delays were never seen has NaN percentiles.
        File.WriteAllText(file, JsonSerializer.Serialize(figures, new JsonSerializerOptions
        {
            WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
        return file;
    }

    private static string F(double value, string format = "0") => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
