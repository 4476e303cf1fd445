using System.Globalization;

namespace Coordination.Bench;

/// <summary>What one run measures and how hard; every figure has a flag, the defaults finish in a few minutes.</summary>
public sealed record BenchOptions
{
    public Uri Gateway { get; init; } = new("http://127.0.0.1:8080/");
    public Uri Registry { get; init; } = new("http://127.0.0.1:8081/");
    public Uri Interceptions { get; init; } = new("http://127.0.0.1:8082/");
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres";
    public string SigningKeyFile { get; init; } = ".run/internal-token.key";
    public string PidFolder { get; init; } = ".run/pids";
    public string OutputFolder { get; init; } = ".bench";

    /// <summary>Concurrent HTTP/1.1 keep-alive clients of the write runs.</summary>
    public int Clients { get; init; } = 64;

    /// <summary>Seconds each write run lasts.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>
    /// Seconds of unmeasured writes through the gateway first. A stack just started spends more
    /// CPU a write for a while (code not yet recompiled by the tiered compiler; with dynamic PGO off
    /// the first run was as cheap as a warm one): after 5 s of warm-up the first measured run cost
    /// 13.3 ms of CPU a write, after 30 s 7.9-9.4, after a whole unmeasured load run 4.4-6.8
    /// (docs/performance.md).
    /// </summary>
    public int WarmUpSeconds { get; init; } = 30;

    /// <summary>
    /// Writes per second of the paced run. The targets are set for 500; a lower rate shows the
    /// log's delay on a machine that is not saturated.
    /// </summary>
    public int Rate { get; init; } = TargetRate;

    public const int TargetRate = 500;

    /// <summary>Concurrent sessions (and connections) of the raw baselines.</summary>
    public int RawSessions { get; init; } = 16;

    /// <summary>The phases to run (<see cref="AllPhases"/>); a partial run for comparing one change before and after.</summary>
    public IReadOnlySet<string> Phases { get; init; } = AllPhases;

    public static readonly IReadOnlySet<string> AllPhases = new HashSet<string> { "load", "raw", "rebuild", "feed" };

    public bool Runs(string phase) => Phases.Contains(phase);

    /// <summary>Events stored for the projection rebuild.</summary>
    public int RebuildEvents { get; init; } = 1_000_000;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--gateway" => o with { Gateway = new Uri(Next()) },
                "--registry" => o with { Registry = new Uri(Next()) },
                "--interceptions" => o with { Interceptions = new Uri(Next()) },
                "--postgres" => o with { Postgres = Next() },
                "--signing-key-file" => o with { SigningKeyFile = Next() },
                "--pids" => o with { PidFolder = Next() },
                "--out" => o with { OutputFolder = Next() },
                "--clients" => o with { Clients = Count() },
                "--seconds" => o with { Seconds = Count() },
                "--warm-up" => o with { WarmUpSeconds = Count() },
                "--rate" => o with { Rate = Count() },
                "--raw-sessions" => o with { RawSessions = Count() },
                "--rebuild-events" => o with { RebuildEvents = Count() },
                "--only" => o with { Phases = Only(Next()) },
                _ => throw new ArgumentException($"unknown flag {args[i]}"),
            };
        }
        return o;
    }

    private static HashSet<string> Only(string phases)
    {
        var only = phases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        return only.Count > 0 && only.IsSubsetOf(AllPhases) ? only
            : throw new ArgumentException($"--only takes some of {string.Join(",", AllPhases)}");
    }

    public const string Usage =
        "usage: ./coordination bench [--clients N] [--seconds T] [--warm-up T] [--rate N] [--raw-sessions N] [--rebuild-events N] " +
        "[--only load,raw,rebuild,feed] [--gateway URL] [--registry URL] [--interceptions URL] [--postgres CONN] [--out DIR]";
}
