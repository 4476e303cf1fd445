namespace Coordination.Seed;

public sealed record Region(string Code, string Level, string Name, string? Parent);

/// <summary>The Kemendagri reference extract (code,level,name,parent_code), read from the checkout.</summary>
public sealed class Regions
{
    private readonly List<Region> all;

    private Regions(List<Region> all) => this.all = all;

    public Region this[string code] =>
        all.Find(r => r.Code == code) ?? throw new InvalidOperationException($"region {code} is not in the reference extract");

    /// <summary>Districts under a regency or province code, in file (code) order.</summary>
    public IReadOnlyList<Region> DistrictsUnder(string code) =>
        all.Where(r => r.Level == "district" && r.Code.StartsWith(code + ".", StringComparison.Ordinal)).ToList();

    public static Regions Load(string repoRoot)
    {
        // The contracts' copy wins once it is committed; until then the shared extract it is copied from.
        string[] candidates =
        [
            Path.Combine(repoRoot, "contracts", "Coordination.Contracts", "Reference", "regions.csv"),
            Path.Combine(repoRoot, "..", "shared", "data", "regions.csv"),
        ];
        var file = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"regions.csv not found; looked at {string.Join(", ", candidates)}");
        var rows = File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            // The extract has no quoted fields (names carry no commas), so a plain split is exact.
            var f = line.Split(',');
            return new Region(f[0], f[1], f[2], f[3].Length == 0 ? null : f[3]);
        });
        return new Regions(rows.ToList());
    }

    /// <summary>COORDINATION_ROOT (set by ./coordination), else the nearest folder up holding Coordination.sln.</summary>
    public static string FindRepoRoot()
    {
        if (Environment.GetEnvironmentVariable("COORDINATION_ROOT") is { Length: > 0 } root) return root;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Coordination.sln not found above the current directory; set COORDINATION_ROOT");
    }
}
