using System.Diagnostics;
using System.Globalization;
using Npgsql;
// Each live PostgreSQL backend (by pid and start: a pid may be taken again), the application it serves and its CPU.
using BackendTimes = System.Collections.Generic.IReadOnlyDictionary<(int Pid, System.DateTime Started), (string Application, System.TimeSpan Used)>;

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
            used["postgres"] = master.Own + master.Reaped + ChildrenTime(postmaster);
        used["bench"] = Process.GetCurrentProcess().TotalProcessorTime;
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
        var started = Stopwatch.GetTimestamp();
        var last = Snapshot(pidFolder);
        while (Stopwatch.GetElapsedTime(started) < within)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Snapshot(pidFolder);
            var used = now.Where(p => p.Key != "bench" && last.ContainsKey(p.Key)).Sum(p => (p.Value - last[p.Key]).TotalSeconds);
            last = now;
            if (used < IdleShare) break;
        }
        return Stopwatch.GetElapsedTime(started);
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

    /// <summary>
    /// The CPU each live PostgreSQL backend has used, with the application it serves (each service
    /// and the gateway name their connections: Postgres.Tuned), so that the database's share of a
    /// write can be told by service. All of them share one database and one user.
    /// </summary>
    public static async Task<BackendTimes> Backends(string postgres)
    {
        var backends = new Dictionary<(int, DateTime), (string, TimeSpan)>();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select pid, backend_start, application_name from pg_stat_activity where application_name <> '' and pid <> pg_backend_pid()",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (Times(reader.GetInt32(0)) is { } t) backends[(reader.GetInt32(0), reader.GetDateTime(1))] = (reader.GetString(2), t.Own);
        return backends;
    }

    /// <returns>
    /// milliseconds of PostgreSQL's CPU per write by the application its backends serve (a backend
    /// opened during the run counts whole), and as "other" the rest of <paramref name="postgresPerWrite"/>:
    /// PostgreSQL's own processes (autovacuum's workers, the writers), unnamed connections and
    /// backends that ended during the run.
    /// </returns>
    public static IReadOnlyDictionary<string, double> BackendsPerWrite(BackendTimes before, BackendTimes after, double postgresPerWrite, long writes)
    {
        var per = after.GroupBy(b => b.Value.Application.Replace("Coordination.", "", StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => g.Sum(b =>
                (b.Value.Used - (before.TryGetValue(b.Key, out var was) ? was.Used : TimeSpan.Zero)).TotalMilliseconds) / Math.Max(1, writes));
        per["other"] = postgresPerWrite - per.Values.Sum();
        return per;
    }

    /// <summary>utime + stime, and cutime + cstime (children that exited), or null when the process is gone.</summary>
    private static (TimeSpan Own, TimeSpan Reaped)? Times(int pid) => Stat(pid) is { } fields ? Times(fields) : null;

    private static (TimeSpan Own, TimeSpan Reaped) Times(string[] fields)
    {
        TimeSpan Field(int number) => TimeSpan.FromSeconds(long.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond);
        return (Field(14) + Field(15), Field(16) + Field(17));
    }

    /// <summary>utime + stime of the live children of <paramref name="parent"/> (field 4 is the parent's pid).</summary>
    private static TimeSpan ChildrenTime(int parent)
    {
        var ppid = parent.ToString(CultureInfo.InvariantCulture);
        var sum = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } fields && fields[1] == ppid)
                sum += Times(fields).Own;
        return sum;
    }

    /// <summary>The fields of /proc/<paramref name="pid"/>/stat from the third (state) on, or null when the process is gone.</summary>
    private static string[]? Stat(int pid)
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
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
