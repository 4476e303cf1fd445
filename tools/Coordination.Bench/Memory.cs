using System.Globalization;

namespace Coordination.Bench;

/// <summary>Peak and current resident memory of the processes <c>./coordination up</c> started, from /proc.</summary>
public static class Memory
{
    public sealed record Process(string Name, int Pid, long PeakMb, long NowMb);

    public static IReadOnlyList<Process> Of(string pidFolder) => [.. Pids(pidFolder).Select(p => Read(p.Name, p.Pid)).OfType<Process>()];

    /// <summary>The processes of the pid files <c>./coordination up</c> wrote, by name.</summary>
    public static IEnumerable<(string Name, int Pid)> Pids(string pidFolder) =>
        !Directory.Exists(pidFolder) ? [] :
        Directory.GetFiles(pidFolder, "*.pid").Order(StringComparer.Ordinal)
            .Select(file => (Name: Path.GetFileNameWithoutExtension(file),
                Pid: int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0))
            .Where(p => p.Pid > 0);

    private static Process? Read(string name, int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return null;
        var lines = File.ReadAllLines(status);
        long Kb(string key) => lines.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new Process(name, pid, Kb("VmHWM:") / 1024, Kb("VmRSS:") / 1024);
    }
}
