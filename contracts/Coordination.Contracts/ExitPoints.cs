namespace Coordination.Contracts;

/// <summary>Where people leave and are stopped (Reference/exit-points.csv): airports, seaports, land border posts.</summary>
public static class ExitPoints
{
    public sealed record ExitPoint(string Code, string Name, string Kind, string? District, string Province);

    private static readonly Dictionary<string, ExitPoint> Points = Reference.Rows("exit-points.csv")
        .Select(f => new ExitPoint(f[0], f[1], f[2], f[3].Length == 0 ? null : f[3], f[4]))
        .ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static ExitPoint? Find(string code) => Points.GetValueOrDefault(code);
}

/// <summary>Reads the reference extracts embedded in this assembly.</summary>
internal static class Reference
{
    /// <summary>The data rows, split on commas: the extracts hold no quoted fields.</summary>
    public static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(Reference).Assembly.GetManifestResourceStream($"Coordination.Contracts.Reference.{file}")
            ?? throw new InvalidOperationException($"Reference/{file} is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new List<string[]>();
        while (reader.ReadLine() is { Length: > 0 } line) rows.Add(line.Split(','));
        return rows;
    }
}
