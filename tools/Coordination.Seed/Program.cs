using System.Diagnostics;
using Coordination.Seed;

// Usage: Coordination.Seed [gateway-url] [--dry-run]
const string ApiKey = "dev-disnakertrans-ntt"; // development key: registry:write and pii:read
const int Concurrency = 8;

var dryRun = args.Contains("--dry-run");
var gateway = new Uri((args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
    ?? Environment.GetEnvironmentVariable("COORDINATION_GATEWAY") ?? "http://127.0.0.1:8080").TrimEnd('/') + "/");

var plan = new SeedPlanner().Create();
var problems = plan.Problems().ToList();
if (problems.Count > 0)
{
    // A generator bug, not a server one: better no data than data that breaks the stated counts.
    foreach (var p in problems.Take(20)) Console.Error.WriteLine($"plan: {p}");
    return 1;
}
if (dryRun)
{
    DryRun.Print(plan);
    return 0;
}

using var api = new RegistryApi(gateway, ApiKey, connections: Concurrency * 2);
try
{
    var health = await api.GetAsync("health/ready", CancellationToken.None);
    if (!health.IsSuccess) { Console.Error.WriteLine($"{gateway}health/ready answered {(int)health.Status}: is `./coordination up` running?"); return 2; }
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"{gateway} does not answer ({e.Message}): start it with `./coordination up`");
    return 2;
}

var tally = new Tally();
var seeder = new Seeder(api, tally);
var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource();
Console.WriteLine($"seeding {plan.Companies.Count} companies and {plan.Workers.Count} workers through {gateway}");
var companyIds = await seeder.EnsureCompaniesAsync(plan.Companies, stop.Token);
if (companyIds.Any(id => id is null))
{
    // Departures name the companies: without all of them the workers' steps would fail one by one.
    tally.Print(clock.Elapsed);
    return 1;
}

try
{
    await Parallel.ForEachAsync(plan.Workers,
        new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stop.Token },
        async (worker, ct) =>
        {
            await seeder.EnsureWorkerAsync(worker, companyIds, ct);
            tally.WorkersDone.Add();
            if (tally.WorkersDone.Value % 250 == 0)
                Console.WriteLine($"  {tally.WorkersDone.Value}/{plan.Workers.Count} workers ({clock.Elapsed.TotalSeconds:0} s, {tally.Failures.Value} failures)");
            // Many failures mean something systematic (a wrong key, a missing route): stop rather than flood.
            if (tally.Failures.Value >= 50) await stop.CancelAsync();
        });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("stopped after 50 failures");
}

tally.Print(clock.Elapsed);
return tally.Failures.Value == 0 ? 0 : 1;
