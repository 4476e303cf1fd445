namespace Coordination.IntegrationTests.Access;

/// <summary>One row of <c>Access/routes.csv</c>: a call, and what each agency must get.</summary>
public sealed record RouteRow(string Method, string Route, string Path, IReadOnlyDictionary<string, string> Expected, string? Body);

public static class AuthorizationTable
{
    public const string Anonymous = "anonymous";

    public static IReadOnlyList<RouteRow> Rows { get; } = Read();

    private static List<RouteRow> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Access", "routes.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = Fields(lines[0]);
        var agencies = header[3..^1];
        return lines.Skip(1).Select(Fields).Select(f => new RouteRow(f[0], f[1], f[2],
            agencies.Select((a, i) => (a, f[3 + i])).ToDictionary(x => x.a, x => x.Item2),
            f[^1].Length == 0 ? null : f[^1])).ToList();
    }

    /// <summary>A CSV line's fields; a field in double quotes may hold commas and "" for a quote.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
