using System.Globalization;

namespace Coordination.Bench;

/// <summary>Peak and current resident memory of the processes <c>./coordination up</c> started, from /proc.</summary>
public static class Memory
{
    public sealed record Process(string Name, int Pid, long PeakMb, long NowMb);

    public static IReadOnlyList<Process> Of(string pidFolder) =>
        !Directory.Exists(pidFolder) ? [] :
        [.. Directory.GetFiles(pidFolder, "*.pid").Order(StringComparer.Ordinal).Select(file => Read(Path.GetFileNameWithoutExtension(file), file))
            .OfType<Process>()];

    private static Process? Read(string name, string pidFile)
    {
        if (!int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return null;
        var lines = File.ReadAllLines(status);
        long Kb(string key) => lines.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new Process(name, pid, Kb("VmHWM:") / 1024, Kb("VmRSS:") / 1024);
    }
}
