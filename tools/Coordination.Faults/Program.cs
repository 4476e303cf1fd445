using System.Diagnostics;
using Coordination.Faults;
using Npgsql;

// ./coordination faults  → run [--only 1a,2,...] [--seconds 30]
// ./coordination replay-errors → replay-errors QUEUE...
// Both get the addresses from the script: --gateway, --postgres, --amqp, --script.
var options = Options.Parse(args);
var broker = new Broker(new Uri(options.Require("amqp")));
if (options.Command == "replay-errors")
{
    foreach (var queue in options.Rest)
        Console.WriteLine($"{queue}: {await broker.ReplayErrorsAsync(queue)} moved from {queue}_error back to {queue}");
    return 0;
}

await using var db = NpgsqlDataSource.Create(options.Require("postgres"));
var load = new Load(new Uri(options.Require("gateway")), writers: 4, writesPerSecond: double.Parse(options.Get("rate") ?? "20", System.Globalization.CultureInfo.InvariantCulture));
var runner = new ScenarioRun(new Stack(options.Require("script")), broker, load, new Ledger(db),
    TimeSpan.FromSeconds(int.Parse(options.Get("seconds") ?? "30", System.Globalization.CultureInfo.InvariantCulture)));
var only = options.Get("only")?.Split(',');
var failed = new List<string>();
var total = Stopwatch.StartNew();
foreach (var scenario in Scenarios.All.Where(s => only is null || only.Any(o => s.Id.StartsWith(o, StringComparison.Ordinal))))
{
    try
    {
        if (!(await runner.RunAsync(scenario)).Sound) failed.Add(scenario.Id);
    }
    catch (Exception e)
    {
        Console.WriteLine($"[{scenario.Id}] {scenario.Name}: could not run: {e.Message}");
        failed.Add(scenario.Id);
    }
}
Console.WriteLine($"fault suite: {(failed.Count == 0 ? "every scenario ok" : "FAILED " + string.Join(", ", failed))} in {total.Elapsed:m\\:ss}");
return failed.Count == 0 ? 0 : 1;

internal sealed record Options(string Command, Dictionary<string, string> Named, List<string> Rest)
{
    public static Options Parse(string[] args)
    {
        var named = new Dictionary<string, string>();
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i][2..]] = args[++i];
            else rest.Add(args[i]);
        return new Options(args.Length > 0 ? args[0] : "run", named, rest);
    }

    public string? Get(string name) => Named.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");
}
