using System.Globalization;

namespace Coordination.Bench;

/// <summary>
/// CPU time of each process of the stack, from /proc: the services and the broker by their pid
/// files, PostgreSQL as its postmaster and every backend (live ones, and the exited ones the
/// postmaster reaped), and the bench itself. Throughput on a shared two-core machine swings
/// between runs; the CPU a write costs each process is what stays put, and where it goes.
/// </summary>
public static class Cpu
{
    /// <summary>Linux reports process times in clock ticks of USER_HZ, which is 100 on every mainstream kernel.</summary>
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, TimeSpan> Snapshot(string pidFolder)
    {
        var used = new Dictionary<string, TimeSpan>();
        foreach (var (name, pid) in Memory.Pids(pidFolder))
            if (Times(pid) is { } t) used[name] = t.Own;
        var postmasterFile = Path.Combine(pidFolder, "..", "postgres", "postmaster.pid");
        if (File.Exists(postmasterFile) && int.TryParse(File.ReadLines(postmasterFile).First(), CultureInfo.InvariantCulture, out var postmaster)
            && Times(postmaster) is { } master)
            used["postgres"] = master.Own + master.Reaped + Children(postmaster).Aggregate(TimeSpan.Zero, (sum, child) => sum + (Times(child)?.Own ?? TimeSpan.Zero));
        used["bench"] = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return used;
    }

    /// <summary>
    /// The stack's processes together used less than this share of one core over a second:
    /// idle, they use about 5% (timers, the daemons' polling, the broker).
    /// </summary>
    private const double IdleShare = 0.15;

    /// <summary>Waits until the stack idles (<see cref="IdleShare"/>), at most <paramref name="within"/>.</summary>
    public static async Task<TimeSpan> WaitUntilIdle(string pidFolder, TimeSpan within)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = Snapshot(pidFolder);
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < within)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Snapshot(pidFolder);
            var used = now.Where(p => p.Key != "bench" && last.ContainsKey(p.Key)).Sum(p => (p.Value - last[p.Key]).TotalSeconds);
            last = now;
            if (used < IdleShare) break;
        }
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <returns>milliseconds of CPU per write, each process and in all.</returns>
    public static IReadOnlyDictionary<string, double> PerWrite(IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after,
        long writes)
    {
        var per = after.Where(a => before.ContainsKey(a.Key))
            .ToDictionary(a => a.Key, a => (a.Value - before[a.Key]).TotalMilliseconds / Math.Max(1, writes));
        per["all"] = per.Values.Sum();
        return per;
    }

    /// <summary>utime + stime, and cutime + cstime (children that exited), or null when the process is gone.</summary>
    private static (TimeSpan Own, TimeSpan Reaped)? Times(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        TimeSpan Field(int number) => TimeSpan.FromSeconds(long.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond);
        return (Field(14) + Field(15), Field(16) + Field(17));
    }

    private static IEnumerable<int> Children(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[1] == parent.ToString(CultureInfo.InvariantCulture)) yield return pid;
        }
    }
}
