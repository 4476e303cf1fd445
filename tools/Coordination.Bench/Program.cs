using System.Text.Json;
using Coordination.Bench;
using Coordination.ServiceDefaults;
using Microsoft.Extensions.Options;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var report = new Report(options);
// Each run its own stretch of ten birth dates (Workload.Person), so that up to ~100,000 writes a run never reuse a NIK.
var runSeed = Random.Shared.Next(10_950);
int SeedOf(int run) => runSeed + 10 * run;
using var gateway = LoadRun.Client(options.Gateway, options.Clients + 4);
using var feed = LoadRun.Client(options.Gateway, 2);
feed.DefaultRequestHeaders.Add("X-Api-Key", "dev-integrator-demo");
(await gateway.GetAsync("/health/ready")).EnsureSuccessStatusCode();

if (options.Runs("load"))
{
    if (options.WarmUpSeconds > 0)
    {
        Console.WriteLine($"==> warming up: {options.Clients} clients through the gateway for {options.WarmUpSeconds}s, not measured");
        await LoadRun.Run("warm-up", new Target(gateway, null, null), SeedOf(3), options.Clients, options.WarmUpSeconds);
        await Quiet();
    }

    // 1. Through the gateway, with the delay until each accepted write is readable in the shared log.
    Console.WriteLine($"==> {options.Clients} clients through the gateway for {options.Seconds}s");
    await Followed("gateway", new Target(gateway, null, null), SeedOf(0), null);
    Console.WriteLine($"==> {options.Rate} writes/s through the gateway");
    await Followed(Report.PacedRun(options.Rate), new Target(gateway, null, null), SeedOf(1), options.Rate);

    // 2. Straight at the services, with tokens minted as the gateway would; followed in the log
    // as the gateway run is, so that both carry the same reads and the difference is the gateway's.
    using var direct = LoadRun.Client(null, options.Clients + 4);
    var tokens = Tokens.From(options);
    Console.WriteLine($"==> {options.Clients} clients straight at the services for {options.Seconds}s");
    await Followed("direct", new Target(direct, s => s == "worker-registry" ? options.Registry : options.Interceptions, tokens.For),
        SeedOf(2), null);
}

// 3. The raw store.
var bench = await RawStore.EnsureDatabase(options.Postgres);
if (options.Runs("raw"))
{
    Console.WriteLine($"==> raw Marten: {options.RawSessions} sessions, one event per save, {options.Seconds}s");
    report.RawMarten = await RawStore.MartenAppends(bench, options.RawSessions, options.Seconds);
    // The baseline the targets name is Marten as it comes; the services connect with their own
    // settings (automatic preparation above all), under which the same appends go faster.
    Console.WriteLine($"==> raw Marten with the services' connection settings, {options.Seconds}s");
    report.RawMartenTuned = await RawStore.MartenAppends(Postgres.Tuned(bench), options.RawSessions, options.Seconds);
    Console.WriteLine($"==> raw INSERT: {options.RawSessions} connections, {options.Seconds}s");
    report.RawInsert = await RawStore.Inserts(bench, options.RawSessions, options.Seconds);
}

// 4. Replays.
if (options.Runs("rebuild"))
{
    Console.WriteLine($"==> projection rebuild over {options.RebuildEvents:N0} events");
    report.Rebuild = await Rebuild.Run(bench, options.RebuildEvents, CancellationToken.None);
}
if (options.Runs("feed"))
{
    Console.WriteLine("==> the whole shared log through the paged feed");
    report.Feed = await LogFollower.ReadThrough(feed, CancellationToken.None);
}

// 5. Memory of each process.
report.Memory = Memory.Of(options.PidFolder);

report.Print(Console.Out);
Console.WriteLine($"written: {report.Save()}");
return 0;

// The services are still relaying, logging and reacting to a run's writes after it: let them
// finish. The log stopping to grow is not enough: the consumers' queues drain after it.
async Task Quiet()
{
    var waited = await new LogFollower(feed).WaitUntilQuiet(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(3));
    waited += await Cpu.WaitUntilIdle(options.PidFolder, TimeSpan.FromMinutes(3) - waited);
    Console.WriteLine($"    (waited {waited.TotalSeconds:0} s for the shared log to stop growing and the stack to idle)");
}

// A run, the delays of its writes to the log, and the CPU each process spent on it until the log was quiet again.
async Task Followed(string name, Target target, int seed, int? rate)
{
    var follower = new LogFollower(feed);
    await follower.SkipToEnd(CancellationToken.None);
    using var stop = new CancellationTokenSource();
    var cpu = Cpu.Snapshot(options.PidFolder);
    var backends = await Cpu.Backends(options.Postgres);
    var following = follower.Follow(stop.Token);
    var result = await LoadRun.Run(name, target, seed, options.Clients, options.Seconds, rate);
    report.Add((result, await follower.DelaysOf(result.Accepted, TimeSpan.FromSeconds(30), following, stop)));
    await Quiet();
    // The backends first: read after PostgreSQL's total, they could add up to more than it.
    var backendsAfter = await Cpu.Backends(options.Postgres);
    var perWrite = Cpu.PerWrite(cpu, Cpu.Snapshot(options.PidFolder), result.Writes);
    report.AddCpu(name, perWrite);
    if (perWrite.TryGetValue("postgres", out var postgres))
        report.AddPostgresCpu(name, Cpu.BackendsPerWrite(backends, backendsAfter, postgres, result.Writes));
}

/// <summary>Internal tokens for the direct run, minted with the checkout's key for each agency as configured at the gateway.</summary>
internal sealed class Tokens(InternalTokenIssuer issuer, IReadOnlyDictionary<string, Agency> agencies)
{
    private readonly Dictionary<(string, string), (string Token, DateTime Until)> _cache = [];

    public static Tokens From(BenchOptions options)
    {
        var key = File.ReadAllText(options.SigningKeyFile).Trim();
        var issuer = new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = key }), TimeProvider.System);
        using var settings = JsonDocument.Parse(File.ReadAllText("gateway/Coordination.Gateway/appsettings.json"));
        var agencies = settings.RootElement.GetProperty("Gateway").GetProperty("Agencies").EnumerateArray()
            .Select(a => new Agency(a.GetProperty("Id").GetString()!, a.GetProperty("Province").GetString()!,
                [.. a.GetProperty("Roles").EnumerateArray().Select(r => r.GetString()!)]))
            .ToDictionary(a => a.Id);
        return new Tokens(issuer, agencies);
    }

    /// <summary>A token for <paramref name="service"/>, reused for half its minute of life.</summary>
    public string For(string agency, string service)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue((agency, service), out var cached) && cached.Until > DateTime.UtcNow) return cached.Token;
            var token = issuer.Mint(agencies[agency], service);
            _cache[(agency, service)] = (token, DateTime.UtcNow.AddSeconds(30));
            return token;
        }
    }
}
